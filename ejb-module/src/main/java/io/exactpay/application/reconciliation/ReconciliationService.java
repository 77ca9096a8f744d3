package io.exactpay.application.reconciliation;

import io.exactpay.domain.model.payment.Channel;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Compares ExactPay's books with a channel's statement of one day: the only check of the books
 * against the money itself (the invariant checker sees internal consistency only).
 */
public interface ReconciliationService {

    /**
     * Fetches the channel's statement of the day (a Beijing day), matches every line with the books,
     * takes in what the channel moved and the books never settled, and stores the report, replacing
     * an earlier one of the same day. A statement that cannot be fetched leaves the report FAILED.
     *
     * @throws ReconciliationRunningException when that report is being made right now
     */
    ReportView reconcile(Channel channel, LocalDate day);

    Optional<ReportView> report(Channel channel, LocalDate day);
}
