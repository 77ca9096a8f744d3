package io.exactpay.messaging.contract;

import io.exactpay.application.CapturedPayment;
import io.exactpay.domain.model.payment.Channel;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Instant;

import java.util.UUID;

/**
 * Verified channel events queued for settlement on {@code exactpay.payment.captures}
 * (schemas/payment-captured.schema.json), one order's events in one message group.
 */
public final class Settlement {

    /** Looked up once: {@code Json.create...} asks the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String QUEUE = "exactpay.payment.captures";

    private Settlement() {
    }

    /** Reads a PaymentCaptured message; anything else is malformed. */
    public static CapturedPayment parse(String body) throws MalformedMessageException {
        if (body == null || body.length() > OrderCommand.MAX_BODY_CHARS) {
            throw new MalformedMessageException("missing or oversized body");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            if (!"PaymentCaptured".equals(json.getString("type", null)) || json.getInt("schemaVersion", 0) != 1) {
                throw new MalformedMessageException("not a PaymentCaptured of schemaVersion 1");
            }
            return new CapturedPayment(UUID.fromString(json.getString("orderId")),
                    UUID.fromString(json.getString("attemptId")), Channel.valueOf(json.getString("channel")),
                    json.getString("outTradeNo"), json.getString("transactionId"),
                    json.getJsonNumber("amount").longValueExact(), json.getString("currency"),
                    blankToNull(json.getString("paidAt", "")),
                    json.containsKey("acceptedAt") ? Instant.parse(json.getString("acceptedAt")) : null);
        } catch (JsonException | IllegalStateException | ClassCastException | NullPointerException
                 | IllegalArgumentException | ArithmeticException
                 | java.time.format.DateTimeParseException e) {
            throw new MalformedMessageException("malformed PaymentCaptured: " + e, e);
        }
    }

    /** Writes the message for a capture; {@link #parse} reads it back as the same record. */
    public static String write(CapturedPayment capture) {
        return JSON.createObjectBuilder()
                .add("type", "PaymentCaptured")
                .add("schemaVersion", 1)
                .add("orderId", capture.orderId().toString())
                .add("attemptId", capture.attemptId().toString())
                .add("channel", capture.channel().name())
                .add("outTradeNo", capture.outTradeNo())
                .add("transactionId", capture.transactionId())
                .add("amount", capture.amountMinor())
                .add("currency", capture.currency())
                .add("paidAt", capture.paidAt() == null ? "" : capture.paidAt())
                .add("acceptedAt", capture.acceptedAt().toString())
                .build().toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
