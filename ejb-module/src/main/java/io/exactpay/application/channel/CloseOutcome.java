package io.exactpay.application.channel;

/** How a close request ended. Losing the race to the payer is an outcome, not a failure. */
public enum CloseOutcome {
    /** The trade is closed: it can no longer be paid. */
    CLOSED,
    /** The payer paid first (WeChat Pay "ORDERPAID", Alipay trade status error): a capture will arrive. */
    ALREADY_PAID,
    /** The channel does not know the trade, so nothing can be paid on it. */
    NOT_FOUND
}
