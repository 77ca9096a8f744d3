package io.exactpay.sandbox;

/**
 * What the sandbox can do wrong for one trade, set through the control API. API faults hit the
 * next API call on that trade once; callback faults shape every callback of the trade.
 */
public enum Fault {
    /** Hold the first delivery of each callback for the plan's delay. */
    DELAY_CALLBACK,
    /** After a callback is acknowledged, deliver it once more. */
    DUPLICATE_CALLBACK,
    /** Hold the payment callback until the trade's first refund callback has been sent. */
    OUT_OF_ORDER,
    /** Lose the first delivery attempt of each callback; the retry schedule continues. */
    DROP_CALLBACK,
    /** Never deliver callbacks for this trade: only a query can find out what happened. */
    DROP_ALL_CALLBACKS,
    /** Answer the next API call with HTTP 500 (WeChat Pay) or a 20000 system error (Alipay), changing nothing. */
    API_5XX,
    /** Carry out the next API call but answer only after the caller has given up. */
    API_TIMEOUT,
    /** When a close request arrives, the payer pays first: the close loses the race. */
    PAY_AFTER_CLOSE,
    /** Every refund request on this trade answers like API_5XX, for as long as the fault is set. */
    REFUNDS_DOWN;

    boolean oneShot() {
        return this == API_5XX || this == API_TIMEOUT;
    }
}
