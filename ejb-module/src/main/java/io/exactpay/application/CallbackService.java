package io.exactpay.application;

import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.domain.model.payment.Channel;

/** Receives a channel's callback: verify it, then take it in exactly once. */
public interface CallbackService {

    /**
     * Verifies the callback and, when it passed, records it in the inbox and queues it for
     * settlement in one transaction; a repeat of a callback already taken in changes nothing.
     * Returns what to answer the channel (its own success or failure body).
     */
    CallbackReply receive(Channel channel, InboundCallback callback);
}
