package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/** Checks one channel's callbacks before anything is stored. */
public interface CallbackVerifier {

    Channel channel();

    CallbackVerdict verify(InboundCallback callback);
}
