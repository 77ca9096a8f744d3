package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

import java.util.Collection;
import java.util.Optional;

/** The payment channels this instance is configured for; a channel without its settings is absent. */
public interface PaymentChannels {

    Optional<PaymentChannel> get(Channel channel);

    /** Checks a callback claiming to come from the channel; absent when the channel is not configured. */
    Optional<CallbackVerifier> verifier(Channel channel);

    Collection<PaymentChannel> all();
}
