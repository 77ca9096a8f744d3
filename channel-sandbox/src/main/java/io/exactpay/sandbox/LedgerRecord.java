package io.exactpay.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One change to the ledger as the journal holds it, a JSON object on one line. A trade applies the
 * same record whether it has just been made or is read back after a restart, so what comes back
 * is exactly what was there.
 */
final class LedgerRecord {

    enum Type {
        CREATED, REPRICED, PAID, CLOSED, REFUND_CREATED, REFUND_SUCCEEDED, CALLBACK_ACKNOWLEDGED, CALLBACK_ENDED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Type parse(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final JsonObject json;
    /** The callback this record was made with, so the trade keeps the very object the sender delivers. */
    private SandboxCallback owed;

    LedgerRecord(JsonObject json) {
        this.json = json;
    }

    private static LedgerRecord of(Type type, SandboxChannel channel, String outTradeNo) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type.wireName());
        o.addProperty("channel", channel.wireName());
        o.addProperty("outTradeNo", outTradeNo);
        return new LedgerRecord(o);
    }

    static LedgerRecord created(SandboxChannel channel, String outTradeNo, String transactionId, long amount,
                                String currency, String description, String notifyUrl, Instant at) {
        LedgerRecord r = of(Type.CREATED, channel, outTradeNo);
        r.json.addProperty("transactionId", transactionId);
        r.json.addProperty("amount", amount);
        r.json.addProperty("currency", currency);
        r.json.addProperty("description", description);
        r.json.addProperty("notifyUrl", notifyUrl);
        r.json.addProperty("at", at.toString());
        return r;
    }

    /** The payer is about to pay another amount or currency than the trade was created with (a test switch). */
    static LedgerRecord repriced(SandboxTrade trade, long amount, String currency) {
        LedgerRecord r = of(Type.REPRICED, trade.channel(), trade.outTradeNo());
        r.json.addProperty("amount", amount);
        r.json.addProperty("currency", currency);
        return r;
    }

    /** The payer paid; {@code callback} is the payment callback the channel now owes, if it has somewhere to send it. */
    static LedgerRecord paid(SandboxTrade trade, Instant at, SandboxCallback callback) {
        LedgerRecord r = of(Type.PAID, trade.channel(), trade.outTradeNo());
        r.json.addProperty("at", at.toString());
        r.addCallback(callback);
        return r;
    }

    static LedgerRecord closed(SandboxTrade trade) {
        return of(Type.CLOSED, trade.channel(), trade.outTradeNo());
    }

    static LedgerRecord refundCreated(SandboxTrade trade, String outRefundNo, String refundId, long amount,
                                      Instant at, String notifyUrl) {
        LedgerRecord r = of(Type.REFUND_CREATED, trade.channel(), trade.outTradeNo());
        r.json.addProperty("outRefundNo", outRefundNo);
        r.json.addProperty("refundId", refundId);
        r.json.addProperty("amount", amount);
        r.json.addProperty("at", at.toString());
        r.json.addProperty("notifyUrl", notifyUrl);
        return r;
    }

    static LedgerRecord refundSucceeded(SandboxTrade trade, String outRefundNo, Instant at, SandboxCallback callback) {
        LedgerRecord r = of(Type.REFUND_SUCCEEDED, trade.channel(), trade.outTradeNo());
        r.json.addProperty("outRefundNo", outRefundNo);
        r.json.addProperty("at", at.toString());
        r.addCallback(callback);
        return r;
    }

    static LedgerRecord callbackAcknowledged(SandboxTrade trade, String eventId) {
        LedgerRecord r = of(Type.CALLBACK_ACKNOWLEDGED, trade.channel(), trade.outTradeNo());
        r.json.addProperty("eventId", eventId);
        return r;
    }

    /** The channel stopped trying: its retry schedule ran out, or a fault drops every callback of the trade. */
    static LedgerRecord callbackEnded(SandboxTrade trade, String eventId, DeliveryRecord.Outcome outcome) {
        LedgerRecord r = of(Type.CALLBACK_ENDED, trade.channel(), trade.outTradeNo());
        r.json.addProperty("eventId", eventId);
        r.json.addProperty("outcome", outcome.name());
        return r;
    }

    private void addCallback(SandboxCallback callback) {
        if (callback == null) {
            return;
        }
        owed = callback;
        JsonObject c = new JsonObject();
        c.addProperty("kind", callback.kind().wireName());
        c.addProperty("eventId", callback.eventId());
        c.addProperty("outRefundNo", callback.outRefundNo());
        c.addProperty("url", callback.url());
        c.addProperty("body", callback.body());
        json.add("callback", c);
    }

    Type type() {
        return Type.parse(text("type"));
    }

    SandboxChannel channel() {
        return SandboxChannel.parse(text("channel"));
    }

    String outTradeNo() {
        return text("outTradeNo");
    }

    /** A field's text, or null when absent. */
    String text(String name) {
        JsonElement e = json.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    long number(String name) {
        return json.get(name).getAsLong();
    }

    Instant instant(String name) {
        return Instant.parse(text(name));
    }

    Optional<SandboxCallback> callback() {
        if (owed != null) {
            return Optional.of(owed);
        }
        JsonElement e = json.get("callback");
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        LedgerRecord c = new LedgerRecord(e.getAsJsonObject());
        owed = new SandboxCallback(SandboxCallback.Kind.parse(c.text("kind")), c.text("eventId"),
                c.text("outRefundNo"), c.text("url"), c.text("body"));
        return Optional.of(owed);
    }

    String json() {
        return json.toString();
    }
}
