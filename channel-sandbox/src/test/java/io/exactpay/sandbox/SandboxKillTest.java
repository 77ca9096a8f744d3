package io.exactpay.sandbox;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.exactpay.sandbox.LedgerRestartTest.awaitLedger;
import static io.exactpay.sandbox.LedgerRestartTest.trades;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox as its own process, killed with SIGKILL (no shutdown hook, nothing flushed) in the
 * middle of its work and started again on the same folders: it still knows every trade, refund
 * and id, settles the refund that was processing, and delivers the callback nobody acknowledged.
 */
class SandboxKillTest {

    /** Refunds settle after 3 s, WeChat Pay retries after 4.5 s: slow enough to kill in between. */
    private static final String TIME_FACTOR = "0.3";

    @Test
    @Timeout(180)
    void aKilledSandboxKeepsItsLedgerAndDeliversTheCallbacksItStillOwes(@TempDir Path keys, @TempDir Path data,
                                                                        @TempDir Path logs) throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            receiver.refuse("/owed");
            Process first = start(keys, data, logs.resolve("first.log"));
            String before;
            String owedEventId;
            try {
                MerchantClient merchant = new MerchantClient(baseUrl(logs.resolve("first.log")),
                        SandboxKeys.loadOrGenerate(keys));
                assertEquals(200, merchant.wechatPrepay("W-paid", 1000, receiver.url("/w-paid")));
                assertEquals(200, merchant.pay("wechatpay", "W-paid"));
                assertEquals(200, merchant.wechatRefund("W-paid", "W-paid-R1", 300, 1000).statusCode());
                assertEquals(200, merchant.wechatPrepay("W-owed", 500, receiver.url("/owed")));
                assertEquals(200, merchant.pay("wechatpay", "W-owed"));
                assertEquals("10000", merchant.alipayPrecreate("A-paid", 800, receiver.url("/a-paid"))
                        .get("code").getAsString());
                assertEquals(200, merchant.pay("alipay", "A-paid"));
                assertEquals("10000", merchant.alipayRefund("A-paid", "A-paid-R1", 200).get("code").getAsString());
                assertEquals("10000", merchant.alipayPrecreate("A-open", 600, null).get("code").getAsString());
                assertEquals("10000", merchant.alipayPrecreate("A-closed", 400, null).get("code").getAsString());
                assertEquals("10000", merchant.alipayClose("A-closed").get("code").getAsString());
                awaitLedger(merchant, ledger -> {
                    Map<String, JsonObject> t = trades(ledger);
                    return acknowledged(t.get("wechatpay:W-paid")) == 2 && acknowledged(t.get("alipay:A-paid")) == 2;
                });
                awaitTrue(() -> !receiver.received("/owed").isEmpty());
                owedEventId = receiver.received("/owed").get(0).eventId();

                // the last thing before the kill: a refund the channel has taken but not yet settled
                assertEquals(200, merchant.wechatPrepay("W-settling", 700, receiver.url("/w-settling")));
                assertEquals(200, merchant.pay("wechatpay", "W-settling"));
                HttpResponse<String> refund = merchant.wechatRefund("W-settling", "W-settling-R1", 700, 700);
                assertTrue(refund.body().contains("\"status\":\"PROCESSING\""), refund.body());
                before = merchant.ledger(null);
            } finally {
                first.destroyForcibly();
                first.waitFor(20, TimeUnit.SECONDS);
            }
            int paidCallbacksBefore = receiver.received("/w-paid").size();
            receiver.accept("/owed");

            Process second = start(keys, data, logs.resolve("second.log"));
            try {
                MerchantClient merchant = new MerchantClient(baseUrl(logs.resolve("second.log")),
                        SandboxKeys.loadOrGenerate(keys));
                String after = merchant.ledger(null);
                Map<String, JsonObject> was = trades(before);
                Map<String, JsonObject> is = trades(after);
                assertEquals(was.keySet(), is.keySet());
                for (String settled : List.of("wechatpay:W-paid", "alipay:A-paid", "alipay:A-open", "alipay:A-closed")) {
                    assertEquals(was.get(settled), is.get(settled), settled);
                }
                // these two may have moved on since the restart (a callback taken, the refund settled)
                for (String trade : List.of("wechatpay:W-owed", "wechatpay:W-settling")) {
                    for (String field : List.of("transactionId", "amount", "captured", "paidAt")) {
                        assertEquals(was.get(trade).get(field), is.get(trade).get(field), trade + " " + field);
                    }
                }
                assertEquals(was.get("wechatpay:W-owed").get("state"), is.get("wechatpay:W-owed").get("state"));
                assertEquals(refundIds(was.get("wechatpay:W-settling")), refundIds(is.get("wechatpay:W-settling")));

                // the callback nobody acknowledged goes out again, the same notification, and is taken
                String delivered = awaitLedger(merchant, ledger ->
                        acknowledged(trades(ledger).get("wechatpay:W-owed")) == 1);
                assertEquals(owedEventId, callbacks(trades(delivered).get("wechatpay:W-owed")).get(0)
                        .get("id").getAsString());
                assertTrue(receiver.received("/owed").stream()
                        .anyMatch(r -> r.acknowledged() && r.eventId().equals(owedEventId)));
                // the refund that was processing settles and is told
                String settled = awaitLedger(merchant, ledger -> {
                    JsonObject t = trades(ledger).get("wechatpay:W-settling");
                    return t.get("refunded").getAsLong() == 700 && acknowledged(t) == 2;
                });
                assertEquals("W-settling-R1", callbacks(trades(settled).get("wechatpay:W-settling")).get(1)
                        .get("outRefundNo").getAsString());
                // what was acknowledged before the kill is not sent again
                assertEquals(paidCallbacksBefore, receiver.received("/w-paid").size());

                // trades from before the kill take refunds of what is left, and no more
                assertEquals(200, merchant.wechatRefund("W-paid", "W-paid-R2", 700, 1000).statusCode());
                assertEquals(403, merchant.wechatRefund("W-paid", "W-paid-R3", 1, 1000).statusCode());
                assertEquals("10000", merchant.alipayRefund("A-paid", "A-paid-R2", 600).get("code").getAsString());
                String refunded = awaitLedger(merchant, ledger -> trades(ledger).get("wechatpay:W-paid")
                        .get("refunded").getAsLong() == 1000);
                assertEquals(800, trades(refunded).get("alipay:A-paid").get("refunded").getAsLong());
                assertEquals("REFUND", merchant.wechatQuery("W-paid").get("trade_state").getAsString());
                assertEquals("TRADE_CLOSED", merchant.alipayQuery("A-closed").get("trade_status").getAsString());
                assertEquals(200, merchant.pay("alipay", "A-open"));

                // and new trades get new ids
                assertEquals(200, merchant.wechatPrepay("W-new", 100, null));
                String newId = merchant.trade("wechatpay", "W-new").get("transactionId").getAsString();
                assertFalse(before.contains(newId), newId + " was handed out before the kill");
            } finally {
                second.destroyForcibly();
                second.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(Path keys, Path data, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChannelSandbox.class.getName(),
                "--port", "0", "--keys-dir", keys.toString(), "--data-dir", data.toString(),
                "--time-factor", TIME_FACTOR)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String baseUrl(Path log) throws Exception {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = listening.matcher(Files.readString(log));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sandbox never said where it listens: "
                + (Files.exists(log) ? Files.readString(log) : "no output"));
    }

    private static List<JsonObject> callbacks(JsonObject trade) {
        List<JsonObject> out = new ArrayList<>();
        trade.getAsJsonArray("callbacks").forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    private static List<String> refundIds(JsonObject trade) {
        List<String> out = new ArrayList<>();
        trade.getAsJsonArray("refunds").forEach(e -> out.add(e.getAsJsonObject().get("refundId").getAsString()));
        return out;
    }

    private static int acknowledged(JsonObject trade) {
        return callbacks(trade).stream().mapToInt(c -> c.get("acknowledged").getAsInt()).sum();
    }

    interface Check {
        boolean holds();
    }

    private static void awaitTrue(Check check) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened");
            }
            Thread.sleep(50);
        }
    }
}
