package io.exactpay.sandbox;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static io.exactpay.sandbox.LedgerRestartTest.trades;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /sandbox/ledger} over a chaos run's worth of trades, rebuilt from a journal at start. */
class LedgerEndpointTest {

    private static final int TRADES = 20_000;

    @Test
    @Timeout(90)
    void twentyThousandTradesComeBackFromTheJournalAndListWithTheirMoney(@TempDir Path keys, @TempDir Path data)
            throws Exception {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(data.resolve(LedgerJournal.FILE), StandardCharsets.UTF_8)) {
            for (int i = 0; i < TRADES; i++) {
                SandboxChannel channel = i % 2 == 0 ? SandboxChannel.WECHATPAY : SandboxChannel.ALIPAY;
                LedgerRecord created = LedgerRecord.created(channel, "T-" + i, String.format("4200%016d", i), 1000,
                        "CNY", "tea", null, at);
                SandboxTrade trade = new SandboxTrade(created, LedgerJournal.IN_MEMORY, new FaultPlan());
                out.write(created.json() + "\n");
                if (i % 4 < 3) {
                    out.write(LedgerRecord.paid(trade, at, null).json() + "\n");
                }
                if (i % 4 == 1) {
                    out.write(LedgerRecord.refundCreated(trade, "R-" + i, String.format("5030%016d", i), 250, at, null)
                            .json() + "\n");
                    out.write(LedgerRecord.refundSucceeded(trade, "R-" + i, at, null).json() + "\n");
                }
            }
        }
        long started = System.nanoTime();
        try (ChannelSandbox sandbox = ChannelSandbox.start(SandboxSettings.defaults(keys).withDataDir(data))) {
            long replayed = System.nanoTime();
            MerchantClient merchant = new MerchantClient(sandbox.baseUrl(), sandbox.keys());
            Map<String, JsonObject> all = trades(merchant.ledger(null));
            long listed = System.nanoTime();
            System.out.printf("ledger of %d trades: start with replay %d ms, GET /sandbox/ledger %d ms%n", TRADES,
                    (replayed - started) / 1_000_000, (listed - replayed) / 1_000_000);

            assertEquals(TRADES, all.size());
            long captured = all.values().stream().mapToLong(t -> t.get("captured").getAsLong()).sum();
            long refunded = all.values().stream().mapToLong(t -> t.get("refunded").getAsLong()).sum();
            assertEquals(TRADES / 4 * 3 * 1000L, captured);
            assertEquals(TRADES / 4 * 250L, refunded);
            JsonObject refundedTrade = all.get("alipay:T-1");
            assertEquals("REFUND", refundedTrade.get("state").getAsString());
            assertEquals("R-1", refundedTrade.getAsJsonArray("refunds").get(0).getAsJsonObject()
                    .get("outRefundNo").getAsString());
            assertEquals("NOTPAY", all.get("alipay:T-3").get("state").getAsString());
            assertEquals(TRADES / 2, trades(merchant.ledger("channel=alipay")).size());
        }
    }
}
