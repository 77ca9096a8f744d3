package io.exactpay.domain.model.payment;

/**
 * What a capture is to its order: PRIMARY made the order PAID; DUPLICATE came after another
 * attempt had paid it; LATE came after the order was closing or closed; MISMATCHED took another
 * amount or currency than the order's, so it pays nothing whatever the order's state. Only
 * PRIMARY keeps money.
 */
public enum CaptureRole {
    PRIMARY,
    DUPLICATE,
    LATE,
    MISMATCHED;

    public boolean keepsMoney() {
        return this == PRIMARY;
    }
}
