package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/**
 * The channel says a refund we asked for has succeeded. Verified like {@link PaymentCaptured},
 * against the refund we recorded.
 *
 * @param settledAt success time exactly as the channel wrote it
 */
public record RefundSettled(Channel channel, String outTradeNo, String outRefundNo, String channelRefundId,
                            ChannelAmount amount, String settledAt) implements VerifiedMessage {
}
