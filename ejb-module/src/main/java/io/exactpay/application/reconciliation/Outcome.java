package io.exactpay.application.reconciliation;

/** How one money movement on a channel's statement compares with ExactPay's books. */
public enum Outcome {
    /** On the statement and in the books, same amount and currency. */
    MATCHED,
    /** The channel moved money that the books never settled: taken in through the channel intake. */
    CHANNEL_ONLY,
    /** The books hold money the channel never moved on that day: reported, never corrected here. */
    LEDGER_ONLY,
    /** Both sides know the movement but disagree on how much. */
    AMOUNT_MISMATCH,
    /** Both sides know the movement but disagree on whether it happened (a refund the books call FAILED). */
    STATUS_MISMATCH;

    public boolean unmatched() {
        return this != MATCHED;
    }
}
