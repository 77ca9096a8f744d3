package io.exactpay.application;

import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.payment.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * Hands settlement work to its consumers, inside the caller's transaction: the work is queued only
 * if the change that made it necessary commits with it. Every piece of work names its order, and
 * one order's work is consumed in order.
 */
public interface SettlementQueue {

    /** A verified capture (callback or channel query), for the payment consumer. */
    void paymentCaptured(UUID orderId, UUID attemptId, Channel channel, String outTradeNo, String transactionId,
                         long amountMinor, String currency, String paidAt, Instant acceptedAt);

    /** A cancel for the cancel consumer (the expiry timer's path). */
    void cancelOrder(UUID orderId, CancelReason reason, String actor);

    /** Close one channel trade, for the close consumer (which calls the channel without the order's lock). */
    void closeAttempt(UUID orderId, UUID attemptId);

    /** Submit (or resubmit) a refund to its channel, for the refund consumer. */
    void submitRefund(UUID orderId, UUID refundId);

    /** The channel says a refund succeeded (callback or query), for the refund consumer. */
    void refundSettled(UUID orderId, String outRefundNo, String channelRefundId, long amountMinor, String currency,
                       String settledAt, Instant acceptedAt);
}
