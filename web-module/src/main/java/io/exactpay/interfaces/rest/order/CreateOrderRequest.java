package io.exactpay.interfaces.rest.order;

import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /api/v1/orders}; {@code amount} in minor units (fen). */
public record CreateOrderRequest(String merchantOrderNo, Long amount, String currency, String subject) {

    void validate() {
        List<String> errors = new ArrayList<>();
        text(errors, "merchantOrderNo", merchantOrderNo, 64);
        text(errors, "subject", subject, 128);
        if (amount == null || amount <= 0) errors.add("amount must be a positive integer of minor units");
        if (currency == null || !currency.matches("[A-Z]{3}")) errors.add("currency must be an ISO 4217 code");
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST,
                    String.join("; ", errors)));
        }
    }

    private static void text(List<String> errors, String name, String value, int max) {
        if (value == null || value.isBlank()) errors.add(name + " is required");
        else if (value.length() > max) errors.add(name + " is longer than " + max + " characters");
    }
}
