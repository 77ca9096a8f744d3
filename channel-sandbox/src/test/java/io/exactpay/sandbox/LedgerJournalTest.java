package io.exactpay.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerJournalTest {

    private static LedgerRecord created(String outTradeNo) {
        return LedgerRecord.created(SandboxChannel.WECHATPAY, outTradeNo, "42000000000000000001", 100, "CNY",
                "tea", null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aRecordIsInTheFileWhenAppendReturns(@TempDir Path data) throws Exception {
        try (LedgerJournal journal = LedgerJournal.open(data)) {
            journal.append(created("T-1"));
            // read by another handle while the journal is still open, as a restarted process would
            List<String> lines = Files.readAllLines(data.resolve(LedgerJournal.FILE));
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).contains("\"outTradeNo\":\"T-1\""), lines.get(0));
        }
        try (LedgerJournal reopened = LedgerJournal.open(data)) {
            assertEquals(List.of("T-1"), reopened.records().stream().map(LedgerRecord::outTradeNo).toList());
        }
    }

    @Test
    void aLastLineAKillLeftHalfWrittenIsCutOffAndTheNextRecordStartsClean(@TempDir Path data) throws Exception {
        Path file = data.resolve(LedgerJournal.FILE);
        Files.writeString(file, created("T-1").json() + "\n" + created("T-2").json().substring(0, 30),
                StandardCharsets.UTF_8);
        try (LedgerJournal journal = LedgerJournal.open(data)) {
            assertEquals(List.of("T-1"), journal.records().stream().map(LedgerRecord::outTradeNo).toList());
            journal.append(created("T-3"));
        }
        try (LedgerJournal journal = LedgerJournal.open(data)) {
            assertEquals(List.of("T-1", "T-3"), journal.records().stream().map(LedgerRecord::outTradeNo).toList());
        }
    }

    @Test
    void aDamagedCompleteLineStopsTheStartInsteadOfDroppingWhatFollows(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(LedgerJournal.FILE), created("T-1").json() + "\n{not json\n"
                + created("T-2").json() + "\n", StandardCharsets.UTF_8);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LedgerJournal.open(data));
        assertTrue(refused.getMessage().contains("line 2"), refused.getMessage());
    }

    @Test
    void twoSandboxesNeverShareOneJournal(@TempDir Path data) throws Exception {
        try (LedgerJournal first = LedgerJournal.open(data)) {
            IOException refused = assertThrows(IOException.class, () -> LedgerJournal.open(data));
            assertTrue(refused.getMessage().contains("another channel sandbox"), refused.getMessage());
            first.append(created("T-1"));
        }
    }

    @Test
    void afterCloseNothingMoreIsWritten(@TempDir Path data) throws Exception {
        LedgerJournal journal = LedgerJournal.open(data);
        journal.append(created("T-1"));
        journal.close();
        assertThrows(LedgerJournal.JournalUnavailable.class, () -> journal.append(created("T-2")));
        assertEquals(1, Files.readAllLines(data.resolve(LedgerJournal.FILE)).size());
    }
}
