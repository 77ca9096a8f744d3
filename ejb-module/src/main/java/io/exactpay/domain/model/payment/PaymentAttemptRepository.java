package io.exactpay.domain.model.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PaymentAttemptRepository {

    void add(PaymentAttempt attempt);

    Optional<PaymentAttempt> find(UUID attemptId);

    /** The attempt a channel knows as this trade; every out_trade_no is ours and unique. */
    Optional<PaymentAttempt> findByTrade(Channel channel, String outTradeNo);

    List<PaymentAttempt> forOrder(UUID orderId);

    /** Reads the attempt's row again: after taking its order's lock, what an earlier read saw may be stale. */
    void refresh(PaymentAttempt attempt);

    /** Open attempts (see {@link AttemptStatus#isOpen()}) that nobody has asked about since then, oldest first. */
    List<UUID> openNotCheckedSince(Instant since, int limit);

    long countOpen();
}
