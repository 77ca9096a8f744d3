package io.exactpay.application;

/**
 * A capture or refund success that no verified callback or recorded channel query in the inbox
 * vouches for: a work order on an internal queue is never proof that money moved. Nothing has
 * changed when it is thrown; the work is rolled back, tried again (the inbox row and the message
 * commit in one transaction but may become visible a moment apart) and then dead-lettered with
 * this reason.
 *
 * <p>While a transaction is in doubt in the order database ({@link #mayYetBeVouched()}), the row
 * may be in it: a crash in the second phase can commit the message before the row, which then
 * waits for recovery. Such work is delivered again later rather than dead-lettered as forged.
 */
public class UnvouchedSettlementException extends RuntimeException {

    private final boolean mayYetBeVouched;

    public UnvouchedSettlementException(String message, boolean mayYetBeVouched) {
        super(message + (mayYetBeVouched ? " yet, while a transaction is in doubt in the order database" : ""));
        this.mayYetBeVouched = mayYetBeVouched;
    }

    /** True when a transaction in doubt in the order database may still commit the vouching row. */
    public boolean mayYetBeVouched() {
        return mayYetBeVouched;
    }
}
