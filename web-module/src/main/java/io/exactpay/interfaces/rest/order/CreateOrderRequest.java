package io.exactpay.interfaces.rest.order;

import io.exactpay.domain.model.order.OrderAmountRule;
import io.exactpay.interfaces.rest.StrictJsonBody;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code POST /api/v1/orders}; {@code amount} in minor units (fen); {@code timeToPaySeconds}
 * optional (the server's default when absent), counted on the server's clock. Read by
 * {@link #parse}, strictly: a field of the wrong JSON type is refused, never converted.
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

    /** One line of text: a NUL cannot be stored, a line break or escape would forge log lines and receipts. */
    private static void text(List<String> errors, String name, String value, int max) {
        if (value == null || value.isBlank()) errors.add(name + " is required");
        else if (value.length() > max) errors.add(name + " is longer than " + max + " characters");
        else if (value.chars().anyMatch(Character::isISOControl)) errors.add(name + " must not contain control characters");
    }

    /** Reads the body strictly ({@link StrictJsonBody}): a field of the wrong JSON type is refused, never converted. */
    static CreateOrderRequest parse(byte[] body) {
        StrictJsonBody json = StrictJsonBody.of(body);
        return new CreateOrderRequest(json.string("merchantOrderNo"), json.number("amount"), json.string("currency"),
                json.string("subject"), wholeNumber(json, "timeToPaySeconds"));
    }

    private static Integer wholeNumber(StrictJsonBody json, String name) {
        BigDecimal value = json.number(name);
        if (value == null) return null;
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw StrictJsonBody.invalid(name + " must be a whole number of seconds");
        }
    }
}
