package io.exactpay.application;

/**
 * Hands settlement work to its consumers, inside the caller's transaction: the work is queued only
 * if the change that made it necessary commits with it. Every piece of work names its order, and
 * one order's work is consumed in order. Each record is one message, read back by its consumer as
 * the same record.
 */
public interface SettlementQueue {

    /** A verified capture (callback or channel query), for the payment consumer. */
    void paymentCaptured(CapturedPayment capture);

    /** A cancel for the cancel consumer (the expiry timer's path). */
    void cancelOrder(CancelOrder cancel);

    /** Close one channel trade, for the close consumer. */
    void closeTrade(CloseTrade close);

    /** Submit (or resubmit) a refund to its channel, for the refund consumer. */
    void submitRefund(SubmitRefund submit);

    /** The channel says a refund succeeded (callback or query), for the refund consumer. */
    void refundSettled(RefundNotice notice);
}
