package io.exactpay.application;

import io.exactpay.domain.model.payment.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A capture from the callback inbox, to be settled against its order: a work order that names
 * the inbox row vouching for it (channel, transaction, trade, amount), which settlement checks.
 *
 * The payment consumer's message ({@code PaymentCaptured} on {@code exactpay.payment.captures}).
 *
 * @param paidAt     when the channel says the payer paid, as the channel wrote it; null when it did not say
 * @param acceptedAt when ExactPay took it in (for the settlement latency); null when unknown
 */
public record CapturedPayment(UUID orderId, UUID attemptId, Channel channel, String outTradeNo, String transactionId,
                              long amountMinor, String currency, String paidAt, Instant acceptedAt) {
}
