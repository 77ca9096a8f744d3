package io.exactpay.interfaces.rest.order;

import io.exactpay.domain.model.order.OrderAmountRule;
import io.exactpay.interfaces.rest.problem.Problem;
import io.exactpay.interfaces.rest.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Reads the body strictly. JSON-B's default binding is lenient where an order must not be: it
     * reads {@code "100"} as an amount, cuts {@code 1.5} seconds to 1, and takes the first element
     * of an array for the object. Here the body is exactly one JSON object, with no field named
     * twice and nothing after it, whose texts are strings and whose numbers are numbers; anything
     * else is 400 validation, and nothing is converted.
     */
    static CreateOrderRequest parse(byte[] body) {
        if (body == null || body.length == 0) throw invalid("A JSON body is required");
        String text = new String(body, StandardCharsets.UTF_8);
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new StringReader(text));
             JsonParser parser = Json.createParser(new StringReader(text))) {
            json = reader.readObject();
            if (parser.next() == JsonParser.Event.START_OBJECT) parser.skipObject();
            if (parser.hasNext()) throw invalid("The request body is one JSON object with nothing after it");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and the plain RuntimeException of JSON nested past the parser's depth limit.
            throw invalid("The request body is not one JSON object");
        }
        return new CreateOrderRequest(string(json, "merchantOrderNo"), number(json, "amount"), string(json, "currency"),
                string(json, "subject"), wholeNumber(json, "timeToPaySeconds"));
    }

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) return null;
        if (value instanceof JsonString s) return s.getString();
        throw invalid(name + " must be a string");
    }

    private static BigDecimal number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) return null;
        if (value instanceof JsonNumber n) return n.bigDecimalValue();
        throw invalid(name + " must be a number");
    }

    private static Integer wholeNumber(JsonObject json, String name) {
        BigDecimal value = number(json, name);
        if (value == null) return null;
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw invalid(name + " must be a whole number of seconds");
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of("validation", "Invalid request", Response.Status.BAD_REQUEST, detail));
    }
}
