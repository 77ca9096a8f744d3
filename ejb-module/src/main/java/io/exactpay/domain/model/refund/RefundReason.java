package io.exactpay.domain.model.refund;

/** Why money goes back to the payer. */
public enum RefundReason {
    /** The order was already paid through another attempt. */
    DUPLICATE_PAYMENT,
    /** The payment landed on an order that was closing or closed. */
    PAID_AFTER_CANCEL
}
