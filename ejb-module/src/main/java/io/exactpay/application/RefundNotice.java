package io.exactpay.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel's word that a refund succeeded, from its callback or the janitor's query: the refund
 * consumer's {@code RefundSettled} message on {@code exactpay.refunds}.
 *
 * @param acceptedAt when ExactPay took it in; null when unknown
 */
public record RefundNotice(UUID orderId, String outRefundNo, String channelRefundId, long amountMinor,
                           String currency, String settledAt, Instant acceptedAt) {
}
