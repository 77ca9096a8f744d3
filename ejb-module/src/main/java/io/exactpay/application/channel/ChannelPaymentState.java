package io.exactpay.application.channel;

/**
 * Our reading of a channel trade's state. Each channel's own words are converted in one place
 * per channel ({@code WechatPayStates}, {@code AlipayStates}).
 */
public enum ChannelPaymentState {
    /** Created; the payer has not paid. It may still be paid until it is closed. */
    AWAITING_PAYMENT(false),
    /** The payer paid: money is held for this attempt. */
    PAID(true),
    /** Paid, then (partly or wholly) refunded: money was captured. */
    REFUNDED(true),
    /** Closed or expired unpaid: it can no longer be paid. */
    CLOSED(false),
    /** The channel does not know the trade. */
    NOT_FOUND(false),
    /** The payment failed at the channel (e.g. bank refusal); nothing was captured. */
    FAILED(false);

    private final boolean captured;

    ChannelPaymentState(boolean captured) {
        this.captured = captured;
    }

    /** True when the payer's money was taken for this trade at some point. */
    public boolean captured() {
        return captured;
    }

    /** True when the state can no longer change to paid. */
    public boolean cannotBePaid() {
        return this == CLOSED || this == FAILED || captured;
    }
}
