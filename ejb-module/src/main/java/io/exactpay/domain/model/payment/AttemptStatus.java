package io.exactpay.domain.model.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * What we believe of a channel trade. OPENING: written down, the channel not yet (or not surely)
 * asked; OPEN: the channel accepted it and the payer can pay; REJECTED: the channel refused it;
 * CLOSED: the channel confirmed it can no longer be paid; CAPTURED: the payer paid it.
 */
public enum AttemptStatus {
    OPENING,
    OPEN,
    REJECTED,
    CLOSED,
    CAPTURED;

    /** The payer may still pay it, as far as we know: it has to be closed before its order closes. */
    public boolean isOpen() {
        return this == OPENING || this == OPEN;
    }

    /** The states in which {@link #isOpen()} holds. */
    public static Set<AttemptStatus> open() {
        EnumSet<AttemptStatus> open = EnumSet.noneOf(AttemptStatus.class);
        for (AttemptStatus status : values()) if (status.isOpen()) open.add(status);
        return open;
    }
}
