package io.exactpay.application;

/**
 * A capture or refund success that no verified callback or recorded channel query in the inbox
 * vouches for: a work order on an internal queue is never proof that money moved. Nothing has
 * changed when it is thrown; the work is rolled back, tried again (the inbox row and the message
 * commit in one transaction but may become visible a moment apart) and then dead-lettered with
 * this reason.
 */
public class UnvouchedSettlementException extends RuntimeException {

    public UnvouchedSettlementException(String message) {
        super(message);
    }
}
