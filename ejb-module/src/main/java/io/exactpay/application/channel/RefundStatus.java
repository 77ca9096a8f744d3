package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/**
 * A refund as the channel reports it.
 *
 * @param channelState the channel's own word, kept for audit
 * @param settledAt success time exactly as the channel wrote it; null while processing
 */
public record RefundStatus(Channel channel, String outTradeNo, String outRefundNo, String channelRefundId,
                           ChannelRefundState state, String channelState, ChannelAmount amount, String settledAt) {
}
