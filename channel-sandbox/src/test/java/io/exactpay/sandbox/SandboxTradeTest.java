package io.exactpay.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SandboxTradeTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static SandboxTrade trade(LedgerJournal journal) {
        LedgerRecord created = LedgerRecord.created(SandboxChannel.WECHATPAY, "T-1", "42000000000000000001", 1000,
                "CNY", "tea", null, AT);
        journal.append(created);
        return new SandboxTrade(created, journal, new FaultPlan());
    }

    @Test
    void refundsRacingForOneTradeNeverTakeMoreThanWasPaid() throws Exception {
        SandboxTrade trade = trade(LedgerJournal.IN_MEMORY);
        trade.pay(AT, null);
        int racers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String no = "R-" + i;
                taken.add(pool.submit(() -> {
                    go.await();
                    return trade.addRefund(no, "5030" + no, 100, AT, null).isPresent();
                }));
            }
            go.countDown();
            int count = 0;
            for (Future<Boolean> f : taken) {
                count += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(10, count, "refunds of 100 taken from a trade of 1000");
            assertEquals(0, trade.refundable());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChangeTheJournalCannotRecordDoesNotHappen(@TempDir Path data) throws Exception {
        LedgerJournal journal = LedgerJournal.open(data);
        SandboxTrade trade = trade(journal);
        journal.close();

        assertThrows(LedgerJournal.JournalUnavailable.class, () -> trade.pay(AT, null));
        assertEquals(SandboxTrade.State.NOTPAY, trade.state());
        assertEquals(0, trade.captured());
        assertEquals(1, Files.readAllLines(data.resolve(LedgerJournal.FILE)).size());
    }
}
