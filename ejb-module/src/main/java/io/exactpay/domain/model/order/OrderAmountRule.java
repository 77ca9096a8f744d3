package io.exactpay.domain.model.order;

import java.util.Optional;

/**
 * What a new order may ask a payer for. Both channels settle CNY in fen, so an order in any other
 * currency could never be paid as asked; and no order may be larger than the ceiling
 * ({@code exactpay.order.max-amount}, in fen), which bounds what one wrong or hostile request can
 * put in front of a payer.
 */
public final class OrderAmountRule {

    /** The only currency both channels settle. */
    public static final String CURRENCY = "CNY";
    /** 50,000.00 CNY. */
    public static final long DEFAULT_MAX_MINOR_UNITS = 5_000_000L;

    private final long maxMinorUnits;

    public OrderAmountRule(long maxMinorUnits) {
        if (maxMinorUnits < 1) throw new IllegalArgumentException("the ceiling must be positive, was " + maxMinorUnits);
        this.maxMinorUnits = maxMinorUnits;
    }

    /** Why an order for this amount may not be placed, or empty when it may. */
    public Optional<String> refusal(long minorUnits, String currency) {
        if (!CURRENCY.equals(currency)) {
            return Optional.of("currency must be " + CURRENCY + ", the only currency the channels settle");
        }
        if (minorUnits > maxMinorUnits) {
            return Optional.of("amount must not be above " + maxMinorUnits + " minor units");
        }
        return Optional.empty();
    }
}
