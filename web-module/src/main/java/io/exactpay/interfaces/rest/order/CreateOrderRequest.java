package io.exactpay.interfaces.rest.order;

import io.exactpay.domain.model.order.OrderAmountRule;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code POST /api/v1/orders}; {@code amount} in minor units (fen); {@code timeToPaySeconds}
 * optional (the server's default when absent), counted on the server's clock.
 */
public record CreateOrderRequest(String merchantOrderNo, BigDecimal amount, String currency, String subject,
                                 Integer timeToPaySeconds) {

    static final int MAX_TIME_TO_PAY_SECONDS = 24 * 60 * 60;

    /** The amount as whole minor units; read as a decimal first so that 12.5 is refused, not cut to 12. */
    long amountMinor() {
        return amount.longValueExact();
    }

    Duration timeToPay() {
        return timeToPaySeconds == null ? null : Duration.ofSeconds(timeToPaySeconds);
    }

    void validate(OrderAmountRule amountRule) {
        List<String> errors = new ArrayList<>();
        text(errors, "merchantOrderNo", merchantOrderNo, 64);
        text(errors, "subject", subject, 128);
        if (amount == null || amount.signum() <= 0 || !isWholeLong(amount)) {
            errors.add("amount must be a positive integer of minor units");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) errors.add("currency must be an ISO 4217 code");
        if (errors.isEmpty()) amountRule.refusal(amountMinor(), currency).ifPresent(errors::add);
        if (timeToPaySeconds != null && (timeToPaySeconds < 1 || timeToPaySeconds > MAX_TIME_TO_PAY_SECONDS)) {
            errors.add("timeToPaySeconds must be between 1 and " + MAX_TIME_TO_PAY_SECONDS);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    String.join("; ", errors)));
        }
    }

    private static boolean isWholeLong(BigDecimal value) {
        try {
            value.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static void text(List<String> errors, String name, String value, int max) {
        if (value == null || value.isBlank()) errors.add(name + " is required");
        else if (value.length() > max) errors.add(name + " is longer than " + max + " characters");
    }
}
