package io.exactpay.domain.model.payment;

/**
 * What we believe of a channel trade. OPENING: written down, the channel not yet (or not surely)
 * asked; OPEN: the channel accepted it and the payer can pay; REJECTED: the channel refused it.
 */
public enum AttemptStatus {
    OPENING,
    OPEN,
    REJECTED
}
