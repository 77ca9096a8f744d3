package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/**
 * The answer to a payment query.
 *
 * @param channelState the channel's own word for the state, kept for audit
 * @param transactionId the channel's transaction id; null until paid
 * @param paidAt payment time exactly as the channel wrote it; null until paid
 */
public record PaymentStatus(Channel channel, String outTradeNo, ChannelPaymentState state, String channelState,
                            String transactionId, ChannelAmount amount, String paidAt) {
}
