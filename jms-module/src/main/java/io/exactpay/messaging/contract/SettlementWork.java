package io.exactpay.messaging.contract;

import io.exactpay.application.CancelOrder;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SubmitRefund;
import io.exactpay.domain.model.order.CancelReason;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/**
 * Settlement work ExactPay queues for itself (schemas/work-*.schema.json), one order's work in one
 * message group: cancels for the cancel consumer, trade closes for the close consumer, refund
 * submissions and settled refunds for the refund consumer.
 */
public final class SettlementWork {

    /** Looked up once: {@code Json.create...} asks the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String CANCELS = "exactpay.order.cancels";
    public static final String CLOSES = "exactpay.trade.closes";
    public static final String REFUNDS = "exactpay.refunds";

    private SettlementWork() {
    }

    public static String write(CancelOrder cancel) {
        return base("CancelOrder", cancel.orderId()).add("reason", cancel.reason().name()).add("actor", cancel.actor())
                .build().toString();
    }

    public static String write(CloseTrade close) {
        return base("CloseTrade", close.orderId()).add("attemptId", close.attemptId().toString()).build().toString();
    }

    public static String write(SubmitRefund submit) {
        return base("SubmitRefund", submit.orderId()).add("refundId", submit.refundId().toString()).build().toString();
    }

    public static String write(RefundNotice notice) {
        return base("RefundSettled", notice.orderId())
                .add("outRefundNo", notice.outRefundNo())
                .add("channelRefundId", notice.channelRefundId() == null ? "" : notice.channelRefundId())
                .add("amount", notice.amountMinor())
                .add("currency", notice.currency())
                .add("settledAt", notice.settledAt() == null ? "" : notice.settledAt())
                .add("acceptedAt", notice.acceptedAt().toString())
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

    /**
     * The kind of work a body of the refunds queue says it is ("SubmitRefund" or "RefundSettled");
     * null when it cannot be read, which the parser then reports.
     */
    public static String typeOf(String body) {
        try {
            return read(body, null).getString("type", null);
        } catch (MalformedMessageException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Reads a SubmitRefund of the refunds queue. */
    public static SubmitRefund parseSubmitRefund(String body) throws MalformedMessageException {
        JsonObject json = read(body, "SubmitRefund");
        try {
            return new SubmitRefund(UUID.fromString(json.getString("orderId")), UUID.fromString(json.getString("refundId")));
        } catch (RuntimeException e) {
            throw new MalformedMessageException("malformed SubmitRefund: " + e, e);
        }
    }

    /** Reads a RefundSettled of the refunds queue. */
    public static RefundNotice parseRefundSettled(String body) throws MalformedMessageException {
        JsonObject json = read(body, "RefundSettled");
        try {
            return new RefundNotice(UUID.fromString(json.getString("orderId")),
                    text(json, "outRefundNo", 64), blankToNull(json.getString("channelRefundId")),
                    json.getJsonNumber("amount").longValueExact(), json.getString("currency"),
                    blankToNull(json.getString("settledAt")), Instant.parse(json.getString("acceptedAt")));
        } catch (RuntimeException e) {
            throw new MalformedMessageException("malformed RefundSettled: " + e, e);
        }
    }

    private static jakarta.json.JsonObjectBuilder base(String type, UUID orderId) {
        return JSON.createObjectBuilder().add("type", type).add("schemaVersion", 1).add("orderId", orderId.toString());
    }

    private static JsonObject read(String body, String type) throws MalformedMessageException {
        if (body == null || body.length() > OrderCommand.MAX_BODY_CHARS) {
            throw new MalformedMessageException("missing or oversized body");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
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
