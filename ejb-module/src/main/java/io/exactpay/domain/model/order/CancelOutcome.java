package io.exactpay.domain.model.order;

/** What a cancel did to an order. */
public enum CancelOutcome {
    /** The unpaid order is closing: its open channel trades are being closed. */
    CLOSING,
    /** The paid order is being refunded in full. */
    REFUNDING,
    /** Nothing: the order was already cancelled or refunded, or (for an expiry) paid in time. */
    UNCHANGED
}
