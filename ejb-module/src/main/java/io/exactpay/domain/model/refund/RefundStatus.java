package io.exactpay.domain.model.refund;

/** REQUESTED -> SUBMITTED -> SUCCEEDED | FAILED (FAILED needs a person). */
public enum RefundStatus {
    REQUESTED,
    SUBMITTED,
    SUCCEEDED,
    FAILED
}
