package io.exactpay.domain.model.refund;

import java.util.EnumSet;
import java.util.Set;

/** REQUESTED -> SUBMITTED -> SUCCEEDED | FAILED (FAILED needs a person). */
public enum RefundStatus {
    /** Recorded with the capture or cancel that made it owed; not yet accepted by the channel. */
    REQUESTED,
    /** The channel accepted it; the money is on its way back. */
    SUBMITTED,
    /** The money is back with the payer. */
    SUCCEEDED,
    /** The channel refused it, or never answered within the limit: a person must act. */
    FAILED;

    /** Still owed to the payer and still ours to push: the refund consumer and the janitor work on it. */
    public boolean isUnsettled() {
        return this == REQUESTED || this == SUBMITTED;
    }

    /** The states in which {@link #isUnsettled()} holds. */
    public static Set<RefundStatus> unsettled() {
        EnumSet<RefundStatus> unsettled = EnumSet.noneOf(RefundStatus.class);
        for (RefundStatus status : values()) if (status.isUnsettled()) unsettled.add(status);
        return unsettled;
    }
}
