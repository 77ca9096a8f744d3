package io.exactpay.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's ledger after a crash, in the test JVM: the crash is the journal as it is on disk
 * while the sandbox is still running (what a kill leaves behind), and a new sandbox starts on a
 * copy of it. {@link SandboxKillTest} kills a real process.
 */
class LedgerRestartTest {

    private static final int TRADES_PER_CHANNEL = 24;
    private static final long AMOUNT = 1000;
    private static final long REFUND = 400;

    @Test
    @Timeout(120)
    void concurrentPaymentsAndRefundsComeBackExactlyAndTradesFromBeforeTheCrashCanStillBeRefunded(
            @TempDir Path keys, @TempDir Path dir) throws Exception {
        SandboxSettings settings = SandboxSettings.defaults(keys).withTimeFactor(0.001).withDataDir(dir.resolve("a"));
        String ledgerBefore;
        Path crashImage = dir.resolve("b");
        try (ChannelSandbox before = ChannelSandbox.start(settings)) {
            MerchantClient merchant = new MerchantClient(before.baseUrl(), before.keys());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Object>> work = new ArrayList<>();
                for (int i = 0; i < TRADES_PER_CHANNEL; i++) {
                    String no = "W-" + i;
                    String alipayNo = "A-" + i;
                    work.add(() -> assertStatus(200, merchant.wechatPrepay(no, AMOUNT, null)));
                    work.add(() -> assertSuccess(merchant.alipayPrecreate(alipayNo, AMOUNT, null)));
                }
                runAll(pool, work);
                // trade 0 stays open, trade 1 is closed, every other trade is paid
                assertStatus(204, merchant.wechatClose("W-1"));
                assertSuccess(merchant.alipayClose("A-1"));
                work.clear();
                for (int i = 2; i < TRADES_PER_CHANNEL; i++) {
                    String no = "W-" + i;
                    String alipayNo = "A-" + i;
                    work.add(() -> assertStatus(200, merchant.pay("wechatpay", no)));
                    work.add(() -> assertStatus(200, merchant.pay("alipay", alipayNo)));
                }
                runAll(pool, work);
                // three refunds of 40% race for every paid trade: two fit, never the third
                work.clear();
                for (int i = 2; i < TRADES_PER_CHANNEL; i++) {
                    for (int r = 0; r < 3; r++) {
                        String no = "W-" + i;
                        String alipayNo = "A-" + i;
                        String refundNo = "-R" + r;
                        work.add(() -> merchant.wechatRefund(no, no + refundNo, REFUND, AMOUNT));
                        work.add(() -> merchant.alipayRefund(alipayNo, alipayNo + refundNo, REFUND));
                    }
                }
                runAll(pool, work);
            } finally {
                pool.shutdownNow();
            }
            ledgerBefore = awaitLedger(merchant, ledger -> trades(ledger).values().stream()
                    .allMatch(t -> t.get("refunded").getAsLong() == 2 * REFUND || t.get("captured").getAsLong() == 0));
            for (JsonObject t : trades(ledgerBefore).values()) {
                assertEquals(t.get("captured").getAsLong() == 0 ? 0 : 2, t.getAsJsonArray("refunds").size(),
                        "refunds of " + t);
            }
            Files.createDirectories(crashImage);
            Files.copy(settings.dataDir().resolve(LedgerJournal.FILE), crashImage.resolve(LedgerJournal.FILE));
        }

        try (ChannelSandbox after = ChannelSandbox.start(settings.withDataDir(crashImage))) {
            MerchantClient merchant = new MerchantClient(after.baseUrl(), after.keys());
            assertEquals(ledgerBefore, merchant.ledger(null), "the ledger after the restart");
            assertEquals(TRADES_PER_CHANNEL, trades(merchant.ledger("channel=alipay")).size());

            // what is left of trades from before the crash can be refunded, over both protocols
            HttpResponse<String> wechatRefund = merchant.wechatRefund("W-2", "W-2-after", AMOUNT - 2 * REFUND, AMOUNT);
            assertEquals(200, wechatRefund.statusCode(), wechatRefund.body());
            assertSuccess(merchant.alipayRefund("A-2", "A-2-after", AMOUNT - 2 * REFUND));
            String refunded = awaitLedger(merchant, ledger -> trades(ledger).get("wechatpay:W-2")
                    .get("refunded").getAsLong() == AMOUNT);
            assertEquals(AMOUNT, trades(refunded).get("alipay:A-2").get("refunded").getAsLong());
            // ... and not one fen more, even under a number used before the crash
            assertEquals(403, merchant.wechatRefund("W-3", "W-3-after", REFUND, AMOUNT).statusCode());
            JsonObject w4 = trades(ledgerBefore).get("wechatpay:W-4").getAsJsonArray("refunds").get(0).getAsJsonObject();
            HttpResponse<String> repeated = merchant.wechatRefund("W-4", w4.get("outRefundNo").getAsString(), REFUND,
                    AMOUNT);
            assertEquals(200, repeated.statusCode(), repeated.body());
            assertEquals(w4.get("refundId").getAsString(),
                    JsonParser.parseString(repeated.body()).getAsJsonObject().get("refund_id").getAsString());
            assertEquals(2 * REFUND, trades(merchant.ledger(null)).get("wechatpay:W-4").get("refunded").getAsLong());

            // the open trade can still be paid, the closed and the paid ones cannot
            assertStatus(200, merchant.pay("wechatpay", "W-0"));
            assertStatus(409, merchant.pay("alipay", "A-1"));
            assertStatus(409, merchant.pay("alipay", "A-5"));
            assertEquals("REFUND", merchant.wechatQuery("W-5").get("trade_state").getAsString());

            // ids handed out after the restart are new
            assertStatus(200, merchant.wechatPrepay("W-new", AMOUNT, null));
            String newId = merchant.trade("wechatpay", "W-new").get("transactionId").getAsString();
            assertTrue(!idsIn(ledgerBefore).contains(newId), newId + " was handed out before the crash");
        }
    }

    @Test
    @Timeout(60)
    void idsHandedOutAfterARestartAreAboveEveryIdInTheJournalAndOverdueRefundsSettle(@TempDir Path keys, @TempDir Path data)
            throws Exception {
        // a journal from a sandbox whose id sequence ran far ahead of this one's clock-based start
        String farAhead = "9000000000000000";
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        LedgerRecord created = LedgerRecord.created(SandboxChannel.WECHATPAY, "W-old", "4200" + farAhead, AMOUNT,
                "CNY", "tea", null, at);
        SandboxTrade old = new SandboxTrade(created, LedgerJournal.IN_MEMORY, new FaultPlan());
        Files.writeString(data.resolve(LedgerJournal.FILE), created.json() + "\n"
                + LedgerRecord.paid(old, at, null).json() + "\n"
                + LedgerRecord.refundCreated(old, "W-old-R", "5030" + "9000000000000001", 100, at, null).json() + "\n",
                StandardCharsets.UTF_8);
        try (ChannelSandbox sandbox = ChannelSandbox.start(SandboxSettings.defaults(keys).withDataDir(data))) {
            MerchantClient merchant = new MerchantClient(sandbox.baseUrl(), sandbox.keys());
            assertStatus(200, merchant.wechatPrepay("W-new", AMOUNT, null));
            String newId = merchant.trade("wechatpay", "W-new").get("transactionId").getAsString();
            assertTrue(Long.parseLong(newId.substring(4)) > 9000000000000001L, newId);
            // the refund that was still processing when the sandbox stopped is long due: it settles now
            JsonObject oldTrade = trades(awaitLedger(merchant, ledger -> trades(ledger).get("wechatpay:W-old")
                    .get("refunded").getAsLong() == 100)).get("wechatpay:W-old");
            assertEquals("REFUND", oldTrade.get("state").getAsString());
            assertEquals(AMOUNT, oldTrade.get("captured").getAsLong());
            assertEquals("5030" + "9000000000000001", oldTrade.getAsJsonArray("refunds").get(0).getAsJsonObject()
                    .get("refundId").getAsString());
        }
    }

    private static Object assertStatus(int expected, int actual) {
        assertEquals(expected, actual);
        return null;
    }

    private static Object assertSuccess(JsonObject alipayAnswer) {
        assertEquals("10000", alipayAnswer.get("code").getAsString(), alipayAnswer.toString());
        return null;
    }

    private static void runAll(ExecutorService pool, List<Callable<Object>> work) throws Exception {
        List<Future<Object>> results = pool.invokeAll(work);
        for (Future<Object> f : results) {
            f.get();
        }
    }

    interface LedgerCondition {
        boolean holds(String ledger);
    }

    static String awaitLedger(MerchantClient merchant, LedgerCondition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String ledger = merchant.ledger(null);
        while (!condition.holds(ledger)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ledger never got there: " + ledger);
            }
            Thread.sleep(50);
            ledger = merchant.ledger(null);
        }
        return ledger;
    }

    /** The ledger's trades by "channel:outTradeNo". */
    static Map<String, JsonObject> trades(String ledger) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        for (JsonElement e : JsonParser.parseString(ledger).getAsJsonObject().getAsJsonArray("trades")) {
            JsonObject t = e.getAsJsonObject();
            out.put(t.get("channel").getAsString() + ":" + t.get("outTradeNo").getAsString(), t);
        }
        return out;
    }

    private static Set<String> idsIn(String ledger) {
        Set<String> ids = new HashSet<>();
        for (JsonObject t : trades(ledger).values()) {
            ids.add(t.get("transactionId").getAsString());
            t.getAsJsonArray("refunds").forEach(r -> ids.add(r.getAsJsonObject().get("refundId").getAsString()));
        }
        return ids;
    }
}
