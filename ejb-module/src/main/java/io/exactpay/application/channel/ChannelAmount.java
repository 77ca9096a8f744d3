package io.exactpay.application.channel;

import java.util.Objects;

/** An amount in integer minor units (fen for CNY) with its ISO 4217 currency. Never floating point. */
public record ChannelAmount(long minorUnits, String currency) {

    public ChannelAmount {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + minorUnits);
        }
    }

    /** Three upper-case letters, as ISO 4217 codes are. */
    public static boolean isCurrencyCode(String currency) {
        return currency != null && currency.matches("[A-Z]{3}");
    }

    public static ChannelAmount cny(long fen) {
        return new ChannelAmount(fen, "CNY");
    }
}
