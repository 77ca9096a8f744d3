package io.exactpay.application;

import io.exactpay.domain.model.refund.Refund;

import java.time.Instant;
import java.util.UUID;

/** What callers see of a refund, detached from the persistence context. */
public record RefundView(UUID id, UUID orderId, UUID captureId, String outRefundNo, long amountMinor, String currency,
                         String reason, String status, String channelRefundId, String failure, Instant createdAt,
                         Instant updatedAt) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.id(), refund.orderId(), refund.captureId(), refund.outRefundNo(),
                refund.amount().minorUnits(), refund.amount().currency(), refund.reason().name(),
                refund.status().name(), refund.channelRefundId(), refund.failure(), refund.createdAt(),
                refund.updatedAt());
    }
}
