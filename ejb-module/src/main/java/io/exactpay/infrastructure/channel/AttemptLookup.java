package io.exactpay.infrastructure.channel;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.domain.model.payment.Channel;
import java.util.Optional;

/**
 * The attempts and refunds ExactPay has recorded, as the callback checks need them. Backed by the
 * payment repositories in production.
 */
public interface AttemptLookup {

    Optional<KnownAttempt> attempt(Channel channel, String outTradeNo);

    Optional<KnownRefund> refund(Channel channel, String outRefundNo);

    /** A payment attempt as we recorded it before calling the channel. */
    record KnownAttempt(Channel channel, String outTradeNo, ChannelAmount amount) {
    }

    /** A refund as we recorded it before calling the channel. */
    record KnownRefund(Channel channel, String outTradeNo, String outRefundNo, ChannelAmount amount) {
    }
}
