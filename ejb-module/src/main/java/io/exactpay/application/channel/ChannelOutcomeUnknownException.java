package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/**
 * The call may or may not have taken effect at the channel: a timeout, a broken connection, a 5xx,
 * or an answer whose signature did not verify. Never treat it as success or as failure; the
 * janitor settles it later by querying.
 */
public class ChannelOutcomeUnknownException extends RuntimeException {

    private final Channel channel;

    public ChannelOutcomeUnknownException(Channel channel, String message, Throwable cause) {
        super(channel + ": " + message, cause);
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }
}
