package io.exactpay.application;

import io.exactpay.domain.model.payment.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified capture from the callback inbox, to be settled against its order.
 *
 * @param acceptedAt when ExactPay took it in (for the settlement latency); null when unknown
 */
public record CapturedPayment(UUID orderId, UUID attemptId, Channel channel, String transactionId, long amountMinor,
                              String currency, Instant acceptedAt) {
}
