package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.StatementLine;
import io.exactpay.domain.model.payment.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportCsvTest {

    @Test
    void linesAreRowsWithQuotedTextAndEmptyMissingAmounts() {
        ReportView report = new ReportView(UUID.randomUUID(), Channel.ALIPAY, LocalDate.of(2026, 11, 30), "DONE",
                Instant.EPOCH, Instant.EPOCH, 1, 0, 0, 1, 0, 0, null,
                List.of(new ReconciledLine(Outcome.LEDGER_ONLY, StatementLine.Kind.PAYMENT, "2026-1", "A1", null, null,
                        700L, "CNY", "posted, on no statement", null)));
        String[] rows = ReportCsv.of(report).split("\r\n");
        assertEquals(ReportCsv.HEADER, rows[0]);
        assertEquals("ALIPAY,2026-11-30,LEDGER_ONLY,PAYMENT,2026-1,A1,,,700,CNY,\"posted, on no statement\",", rows[1]);
    }

    @Test
    void aFieldAFormulaCouldBeStartsWithAQuote() {
        ReportView report = new ReportView(UUID.randomUUID(), Channel.ALIPAY, LocalDate.of(2026, 11, 30), "DONE",
                Instant.EPOCH, Instant.EPOCH, 1, 0, 1, 0, 0, 0, null,
                List.of(new ReconciledLine(Outcome.CHANNEL_ONLY, StatementLine.Kind.PAYMENT, "=1+1", "A1", null, 5L,
                        null, "CNY", null, null)));
        assertEquals("ALIPAY,2026-11-30,CHANNEL_ONLY,PAYMENT,'=1+1,A1,,5,,CNY,,", ReportCsv.of(report).split("\r\n")[1]);
    }
}
