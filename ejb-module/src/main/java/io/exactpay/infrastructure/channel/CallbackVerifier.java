package io.exactpay.infrastructure.channel;

/** Checks one channel's callbacks before anything is stored. */
public interface CallbackVerifier {

    Channel channel();

    CallbackVerdict verify(InboundCallback callback);
}
