package io.exactpay.messaging.contract;

import io.exactpay.application.RefundNotice;
import io.exactpay.domain.model.order.CancelReason;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * Settlement work ExactPay queues for itself (schemas/work-*.schema.json), one order's work in one
 * message group: cancels for the cancel consumer, trade closes for the close consumer, refund
 * submissions and settled refunds for the refund consumer.
 */
public final class SettlementWork {

    public static final String CANCELS = "exactpay.order.cancels";
    public static final String CLOSES = "exactpay.trade.closes";
    public static final String REFUNDS = "exactpay.refunds";

    /** A cancel: order, reason and who asked. */
    public record CancelOrder(UUID orderId, CancelReason reason, String actor) {
    }

    /** Close one channel trade of an order. */
    public record CloseTrade(UUID orderId, UUID attemptId) {
    }

    /** Send one refund to its channel. */
    public record SubmitRefund(UUID orderId, UUID refundId) {
    }

    private SettlementWork() {
    }

    public static String cancelOrder(UUID orderId, CancelReason reason, String actor) {
        return base("CancelOrder", orderId).add("reason", reason.name()).add("actor", actor).build().toString();
    }

    public static String closeTrade(UUID orderId, UUID attemptId) {
        return base("CloseTrade", orderId).add("attemptId", attemptId.toString()).build().toString();
    }

    public static String submitRefund(UUID orderId, UUID refundId) {
        return base("SubmitRefund", orderId).add("refundId", refundId.toString()).build().toString();
    }

    public static String refundSettled(UUID orderId, String outRefundNo, String channelRefundId, long amountMinor,
                                       String currency, String settledAt, Instant acceptedAt) {
        return base("RefundSettled", orderId)
                .add("outRefundNo", outRefundNo)
                .add("channelRefundId", channelRefundId == null ? "" : channelRefundId)
                .add("amount", amountMinor)
                .add("currency", currency)
                .add("settledAt", settledAt == null ? "" : settledAt)
                .add("acceptedAt", acceptedAt.toString())
                .build().toString();
    }

    /**
     * Reads a cancel of the cancels queue, which only the expiry timer uses: every other cancel
     * (payer, merchant, support) goes through the API or the command queue, which check who asks.
     */
    public static CancelOrder parseCancel(String body) throws MalformedMessageException {
        JsonObject json = read(body, "CancelOrder");
        CancelOrder cancel;
        try {
            cancel = new CancelOrder(UUID.fromString(json.getString("orderId")),
                    CancelReason.valueOf(json.getString("reason")), text(json, "actor", 64));
        } catch (RuntimeException e) {
            throw new MalformedMessageException("malformed CancelOrder: " + e, e);
        }
        if (cancel.reason() != CancelReason.EXPIRED) {
            throw new RefusedWorkException(CANCELS + " takes only the expiry timer's cancels (reason EXPIRED), not "
                    + cancel.reason());
        }
        return cancel;
    }

    public static CloseTrade parseClose(String body) throws MalformedMessageException {
        JsonObject json = read(body, "CloseTrade");
        try {
            return new CloseTrade(UUID.fromString(json.getString("orderId")),
                    UUID.fromString(json.getString("attemptId")));
        } catch (RuntimeException e) {
            throw new MalformedMessageException("malformed CloseTrade: " + e, e);
        }
    }

    /** A SubmitRefund or a RefundSettled, the two kinds of work on the refunds queue. */
    public static Object parseRefundWork(String body) throws MalformedMessageException {
        JsonObject json = read(body, null);
        try {
            return switch (json.getString("type")) {
                case "SubmitRefund" -> new SubmitRefund(UUID.fromString(json.getString("orderId")),
                        UUID.fromString(json.getString("refundId")));
                case "RefundSettled" -> new RefundNotice(UUID.fromString(json.getString("orderId")),
                        text(json, "outRefundNo", 64), blankToNull(json.getString("channelRefundId")),
                        json.getJsonNumber("amount").longValueExact(), json.getString("currency"),
                        blankToNull(json.getString("settledAt")), Instant.parse(json.getString("acceptedAt")));
                default -> throw new MalformedMessageException("not refund work: " + json.getString("type"));
            };
        } catch (RuntimeException e) {
            throw new MalformedMessageException("malformed refund work: " + e, e);
        }
    }

    private static jakarta.json.JsonObjectBuilder base(String type, UUID orderId) {
        return Json.createObjectBuilder().add("type", type).add("schemaVersion", 1).add("orderId", orderId.toString());
    }

    private static JsonObject read(String body, String type) throws MalformedMessageException {
        if (body == null || body.length() > OrderCommand.MAX_BODY_CHARS) {
            throw new MalformedMessageException("missing or oversized body");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            if ((type != null && !type.equals(json.getString("type", null))) || json.getInt("schemaVersion", 0) != 1) {
                throw new MalformedMessageException("not a " + (type == null ? "known message" : type)
                        + " of schemaVersion 1");
            }
            return json;
        } catch (JsonException | ClassCastException e) {
            throw new MalformedMessageException("malformed JSON: " + e, e);
        }
    }

    private static String text(JsonObject json, String name, int max) {
        String value = json.getString(name);
        if (value.isBlank() || value.length() > max) throw new IllegalArgumentException(name + " is blank or too long");
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
