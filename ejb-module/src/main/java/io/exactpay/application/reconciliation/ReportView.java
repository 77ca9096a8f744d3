package io.exactpay.application.reconciliation;

import io.exactpay.domain.model.payment.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A reconciliation report as callers see it; {@code lines} is empty when only the summary was asked for. */
public record ReportView(UUID id, Channel channel, LocalDate date, String status, Instant startedAt,
                         Instant finishedAt, int statementLines, int matched, int channelOnly, int ledgerOnly,
                         int amountMismatch, int statusMismatch, String failure, List<ReconciledLine> lines) {

    public int unmatched() {
        return channelOnly + ledgerOnly + amountMismatch + statusMismatch;
    }
}
