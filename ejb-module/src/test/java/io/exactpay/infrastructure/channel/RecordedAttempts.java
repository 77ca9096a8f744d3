package io.exactpay.infrastructure.channel;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.domain.model.payment.Channel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Attempts and refunds a test has "recorded" before calling a channel; stands in for the repositories. */
public final class RecordedAttempts implements AttemptLookup {

    private final Map<String, KnownAttempt> attempts = new ConcurrentHashMap<>();
    private final Map<String, KnownRefund> refunds = new ConcurrentHashMap<>();

    public KnownAttempt record(Channel channel, String outTradeNo, ChannelAmount amount) {
        KnownAttempt attempt = new KnownAttempt(channel, outTradeNo, amount);
        attempts.put(channel + ":" + outTradeNo, attempt);
        return attempt;
    }

    public KnownRefund recordRefund(Channel channel, String outTradeNo, String outRefundNo, ChannelAmount amount) {
        KnownRefund refund = new KnownRefund(channel, outTradeNo, outRefundNo, amount);
        refunds.put(channel + ":" + outRefundNo, refund);
        return refund;
    }

    @Override
    public Optional<KnownAttempt> attempt(Channel channel, String outTradeNo) {
        return Optional.ofNullable(attempts.get(channel + ":" + outTradeNo));
    }

    @Override
    public Optional<KnownRefund> refund(Channel channel, String outRefundNo) {
        return Optional.ofNullable(refunds.get(channel + ":" + outRefundNo));
    }
}
