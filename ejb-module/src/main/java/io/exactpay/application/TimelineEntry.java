package io.exactpay.application;

import io.exactpay.domain.model.order.OrderAuditEntry;

import java.time.Instant;

/** One line of an order's audit trail, as support reads it. */
public record TimelineEntry(int revision, Instant at, String actor, String action, String statusBefore,
                            String statusAfter, String detail) {

    public static TimelineEntry of(OrderAuditEntry entry) {
        return new TimelineEntry(entry.revision(), entry.occurredAt(), entry.actor(), entry.action(),
                entry.statusBefore() == null ? null : entry.statusBefore().name(), entry.statusAfter().name(),
                entry.detail());
    }

    /** As a client's portal reads it: a support person's change says "staff", not who it was. */
    public TimelineEntry asSeenByClient() {
        return actor.startsWith("staff:") ? new TimelineEntry(revision, at, "staff", action, statusBefore, statusAfter,
                detail) : this;
    }
}
