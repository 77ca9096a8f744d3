package io.exactpay.domain.model.refund;

/** Why money goes back to the payer. */
public enum RefundReason {
    /** The order was already paid through another attempt. */
    DUPLICATE_PAYMENT,
    /** The payment landed on an order that was closing or closed. */
    PAID_AFTER_CANCEL,
    /** A paid order was cancelled by its merchant (portal or legacy system) or by support. */
    ORDER_CANCELLED,
    /** Support refunded a paid order by hand. */
    MANUAL,
    /** The channel captured another amount or currency than the order's: it cannot pay the order. */
    AMOUNT_MISMATCH;

    /** The refund gives back the order's own payment, so the order itself is being refunded. */
    public boolean refundsTheOrder() {
        return this == ORDER_CANCELLED || this == MANUAL;
    }
}
