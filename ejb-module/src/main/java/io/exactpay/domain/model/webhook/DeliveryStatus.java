package io.exactpay.domain.model.webhook;

/** A webhook delivery: waiting for its (next) attempt, answered with 2xx, or given up after its window. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    /** Every attempt within the retry window failed; support can resend it. */
    DEAD
}
