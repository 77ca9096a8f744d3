package io.exactpay.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON log lets a person follow one payment: every line is a JSON object, and the lines about
 * an order carry its id, the trade's out_trade_no and the legacy command's messageId as fields,
 * one line per business outcome, as the README shows with jq.
 */
class OutcomeLogIT {

    private static Path jsonLog() {
        var settings = SystemUnderTest.get().settings();
        return settings.dataDir().resolve("logs").resolve(settings.get("instance-name") + ".jsonl");
    }

    private static List<JsonObject> linesAbout(String field, String value) throws Exception {
        return Files.readAllLines(jsonLog(), StandardCharsets.UTF_8).stream()
                .map(Api::json)
                .filter(line -> line.containsKey(field) && value.equals(line.getString(field)))
                .toList();
    }

    private static List<String> awaitOutcomes(String field, String value, String... expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> outcomes;
        do {
            outcomes = linesAbout(field, value).stream().map(l -> l.getString("outcome")).toList();
            if (outcomes.containsAll(List.of(expected))) return outcomes;
            Thread.sleep(250);
        } while (System.currentTimeMillis() < deadline);
        return outcomes;
    }

    @Test
    void onePaymentFollowedByItsOrderIdAndOutTradeNo() throws Exception {
        Orders.Opened order = Orders.open("LOG-" + UUID.randomUUID(), 880, null, "ALIPAY");
        String outTradeNo = order.trade(0);
        assertEquals(200, Sandbox.pay("alipay", outTradeNo));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);

        List<String> outcomes = awaitOutcomes("orderId", order.orderId(),
                "ORDER_PLACED", "PAYMENT_STARTED", "PAYMENT_CAPTURED_TAKEN_IN", "CAPTURE_PRIMARY");
        assertTrue(outcomes.containsAll(List.of("ORDER_PLACED", "PAYMENT_STARTED", "PAYMENT_CAPTURED_TAKEN_IN",
                "CAPTURE_PRIMARY")), "the order's lines: " + outcomes);
        assertEquals(1, outcomes.stream().filter("CAPTURE_PRIMARY"::equals).count(), "one line per outcome");
        List<String> trade = linesAbout("outTradeNo", outTradeNo).stream().map(l -> l.getString("outcome")).toList();
        assertTrue(trade.containsAll(List.of("PAYMENT_STARTED", "PAYMENT_CAPTURED_TAKEN_IN")), "the trade's lines: " + trade);
        for (JsonObject line : linesAbout("orderId", order.orderId())) {
            assertTrue(line.containsKey("time") && line.containsKey("level") && line.containsKey("message"), line.toString());
        }
    }

    @Test
    void legacyCommandFollowedByItsMessageId() throws Exception {
        String messageId = "log-" + UUID.randomUUID();
        String correlation = Commands.send(Commands.createOrder(messageId, "LOG-L-" + UUID.randomUUID(), 990));
        JsonObject reply = Commands.reply(Commands.SENDER, correlation);
        assertEquals("OrderPlaced", reply.getString("type"), reply.toString());

        List<String> outcomes = awaitOutcomes("messageId", messageId, "COMMAND_PROCESSED");
        assertEquals(List.of("COMMAND_PROCESSED"), outcomes);
        JsonObject line = linesAbout("messageId", messageId).get(0);
        assertEquals(Commands.SENDER, line.getString("clientId"));
        assertEquals("CreateOrder", line.getString("command"));
        assertTrue(line.containsKey("orderId"), line.toString());
    }
}
