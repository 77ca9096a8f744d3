package io.exactpay.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's own endpoints, for people and tests: pay a trade (what the payer's phone does),
 * set faults for a trade, list delivered callbacks, look at a trade or the whole ledger, and health.
 */
final class ControlApi {

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final SandboxLedger ledger;
    private final SandboxEvents events;
    private final CallbackDispatcher dispatcher;

    ControlApi(SandboxLedger ledger, SandboxEvents events, CallbackDispatcher dispatcher) {
        this.ledger = ledger;
        this.events = events;
        this.dispatcher = dispatcher;
    }

    SandboxResponse handle(SandboxRequest request) {
        try {
            return switch (request.method() + " " + request.path()) {
                case "GET /sandbox/health" -> SandboxResponse.json(200, "{\"status\":\"UP\"}");
                case "POST /sandbox/pay" -> pay(JsonParser.parseString(request.body()).getAsJsonObject());
                case "POST /sandbox/faults" -> faults(JsonParser.parseString(request.body()).getAsJsonObject());
                case "GET /sandbox/callbacks" -> callbacks(request);
                case "GET /sandbox/trade" -> trade(request);
                case "GET /sandbox/ledger" -> ledger(request);
                default -> SandboxResponse.json(404, "{\"error\":\"no such sandbox endpoint\"}");
            };
        } catch (LedgerJournal.JournalUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            return SandboxResponse.json(400, error(String.valueOf(e.getMessage())));
        }
    }

    private SandboxResponse pay(JsonObject body) {
        SandboxChannel channel = SandboxChannel.parse(body.get("channel").getAsString());
        String outTradeNo = body.get("outTradeNo").getAsString();
        Optional<SandboxTrade> trade = ledger.find(channel, outTradeNo);
        if (trade.isEmpty()) {
            return SandboxResponse.json(404, error("no such trade"));
        }
        if (body.has("amount") || body.has("currency")) {
            // The channel captures what the merchant did not ask for: for testing the merchant's side.
            long amount = body.has("amount") ? body.get("amount").getAsLong() : trade.get().amount();
            String currency = body.has("currency") ? body.get("currency").getAsString() : trade.get().currency();
            if (!trade.get().reprice(amount, currency)) {
                return SandboxResponse.json(409, error("trade cannot be paid with " + amount + " " + currency
                        + ": it is " + trade.get().state()));
            }
        }
        boolean paid = events.pay(trade.get());
        if (!paid) {
            return SandboxResponse.json(409, error("trade cannot be paid: it is " + trade.get().state()));
        }
        return SandboxResponse.json(200, view(trade.get()).toString());
    }

    private SandboxResponse faults(JsonObject body) {
        SandboxChannel channel = SandboxChannel.parse(body.get("channel").getAsString());
        String outTradeNo = body.get("outTradeNo").getAsString();
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (JsonElement f : body.getAsJsonArray("faults")) {
            faults.add(Fault.valueOf(f.getAsString()));
        }
        long delay = body.has("delayMillis") ? body.get("delayMillis").getAsLong() : 0;
        int repeat = body.has("repeat") ? body.get("repeat").getAsInt() : 1;
        if (repeat < 1 || repeat > 20) {
            return SandboxResponse.json(400, error("repeat must be between 1 and 20"));
        }
        ledger.faults(channel, outTradeNo).set(faults, delay, repeat);
        JsonObject out = new JsonObject();
        out.addProperty("channel", channel.wireName());
        out.addProperty("outTradeNo", outTradeNo);
        out.add("faults", gson.toJsonTree(faults));
        return SandboxResponse.json(200, out.toString());
    }

    private SandboxResponse callbacks(SandboxRequest request) {
        String channel = request.query().get("channel");
        String outTradeNo = request.query().get("outTradeNo");
        JsonArray list = new JsonArray();
        for (DeliveryRecord d : dispatcher.deliveries()) {
            if ((channel == null || d.channel() == SandboxChannel.parse(channel))
                    && (outTradeNo == null || d.outTradeNo().equals(outTradeNo))) {
                JsonObject o = new JsonObject();
                o.addProperty("channel", d.channel().wireName());
                o.addProperty("outTradeNo", d.outTradeNo());
                o.addProperty("kind", d.kind());
                o.addProperty("eventId", d.eventId());
                o.addProperty("attempt", d.attempt());
                o.addProperty("outcome", d.outcome().name());
                o.addProperty("httpStatus", d.httpStatus());
                o.addProperty("responseBody", d.responseBody());
                o.addProperty("at", d.at().toString());
                list.add(o);
            }
        }
        return SandboxResponse.json(200, list.toString());
    }

    private SandboxResponse trade(SandboxRequest request) {
        SandboxChannel channel = SandboxChannel.parse(request.query().get("channel"));
        return ledger.find(channel, request.query().get("outTradeNo"))
                .map(t -> SandboxResponse.json(200, view(t).toString()))
                .orElseGet(() -> SandboxResponse.json(404, error("no such trade")));
    }

    /**
     * Every trade, for a checker comparing the money the channel holds with what the merchant
     * believes: one pass over the ledger, each trade written straight into the answer.
     */
    private SandboxResponse ledger(SandboxRequest request) {
        String channel = request.query().get("channel");
        List<SandboxTrade> trades = channel == null ? ledger.allTrades()
                : ledger.allTrades().stream().filter(t -> t.channel() == SandboxChannel.parse(channel)).toList();
        StringWriter out = new StringWriter(trades.size() * 512 + 64);
        try (JsonWriter json = gson.newJsonWriter(out)) {
            json.beginObject().name("trades").beginArray();
            for (SandboxTrade t : trades) {
                gson.toJson(view(t), json);
            }
            json.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SandboxResponse.json(200, out.toString());
    }

    /** One trade as the control API shows it, read under the trade's lock so its sums match its refunds. */
    private JsonObject view(SandboxTrade t) {
        synchronized (t) {
            JsonObject o = new JsonObject();
            o.addProperty("channel", t.channel().wireName());
            o.addProperty("outTradeNo", t.outTradeNo());
            o.addProperty("transactionId", t.transactionId());
            o.addProperty("state", t.state().name());
            o.addProperty("amount", t.amount());
            o.addProperty("currency", t.currency());
            o.addProperty("paidAt", t.paidAt() == null ? null : t.paidAt().toString());
            o.addProperty("captured", t.captured());
            o.addProperty("refunded", t.refunded());
            JsonArray refunds = new JsonArray();
            for (SandboxRefund r : t.refunds()) {
                JsonObject ro = new JsonObject();
                ro.addProperty("outRefundNo", r.outRefundNo());
                ro.addProperty("refundId", r.refundId());
                ro.addProperty("amount", r.amount());
                ro.addProperty("state", r.state().name());
                refunds.add(ro);
            }
            o.add("refunds", refunds);
            JsonArray callbacks = new JsonArray();
            for (SandboxCallback c : t.callbacks()) {
                JsonObject co = new JsonObject();
                co.addProperty("kind", c.kind().wireName());
                co.addProperty("id", c.eventId());
                if (c.outRefundNo() != null) {
                    co.addProperty("outRefundNo", c.outRefundNo());
                }
                co.addProperty("acknowledged", c.acknowledged());
                co.addProperty("pending", c.pending());
                callbacks.add(co);
            }
            o.add("callbacks", callbacks);
            return o;
        }
    }

    private static String error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return o.toString();
    }
}
