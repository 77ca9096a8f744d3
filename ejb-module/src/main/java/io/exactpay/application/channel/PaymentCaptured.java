package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/**
 * The channel says the payer paid this attempt. Verified: signature, merchant/app id and a known
 * out_trade_no. {@code amount} is what the channel captured, which settlement compares with the
 * order's: another amount or currency is recorded as a MISMATCHED capture and refunded.
 *
 * @param transactionId the channel's transaction id (deduplication key with the event type)
 * @param paidAt payment time exactly as the channel wrote it; recorded, never trusted for ordering
 */
public record PaymentCaptured(Channel channel, String outTradeNo, String transactionId, ChannelAmount amount,
                              String paidAt) implements VerifiedMessage {
}
