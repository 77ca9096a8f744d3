package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/** What a verified callback tells settlement code, in channel-neutral terms. */
public sealed interface VerifiedMessage permits PaymentCaptured, RefundSettled {

    Channel channel();

    String outTradeNo();
}
