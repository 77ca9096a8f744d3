package io.exactpay.domain.model.refund;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface RefundRepository {

    void add(Refund refund);

    Optional<Refund> find(UUID refundId);

    Optional<Refund> findByOutRefundNo(String outRefundNo);

    List<Refund> forOrder(UUID orderId);

    /** At most {@code limit}, the oldest change first. */
    List<Refund> inStatus(RefundStatus status, int limit);

    /** Reads the refund's row again: after taking its order's lock, what an earlier read saw may be stale. */
    void refresh(Refund refund);

    /** Unsettled refunds (see {@link RefundStatus#isUnsettled()}) that nobody has asked about since then, oldest first. */
    List<UUID> unsettledNotCheckedSince(Instant since, int limit);

    long countUnsettled();

    long countInStatus(RefundStatus status);
}
