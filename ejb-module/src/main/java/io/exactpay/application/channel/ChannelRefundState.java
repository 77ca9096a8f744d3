package io.exactpay.application.channel;

/** Our reading of a channel refund's state. */
public enum ChannelRefundState {
    /** Accepted by the channel, money not yet back with the payer. */
    PROCESSING,
    /** The money is back with the payer. */
    SUCCEEDED,
    /** The channel gave up (e.g. the payer's account is closed): a person must act. */
    FAILED,
    /** The channel does not know this refund. */
    NOT_FOUND;

    public boolean settled() {
        return this == SUCCEEDED || this == FAILED;
    }
}
