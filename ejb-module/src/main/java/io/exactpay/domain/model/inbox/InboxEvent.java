package io.exactpay.domain.model.inbox;

/** The kinds of channel event the inbox takes in: a payment the channel captured, a refund it settled. */
public enum InboxEvent {
    PAYMENT_CAPTURED,
    REFUND_SETTLED
}
