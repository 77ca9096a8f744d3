package io.exactpay.domain.model.order;

import java.util.EnumSet;
import java.util.Set;

/** The order's money state (docs/state-machines.md); each state knows where it may go next. */
public enum OrderStatus {
    PENDING,
    PAID,
    CLOSING,
    CLOSED,
    REFUNDING,
    REFUNDED;

    static {
        PENDING.next = EnumSet.of(PAID, CLOSING);
        PAID.next = EnumSet.of(REFUNDING);
        CLOSING.next = EnumSet.of(CLOSED);
        REFUNDING.next = EnumSet.of(REFUNDED);
        CLOSED.next = EnumSet.noneOf(OrderStatus.class);
        REFUNDED.next = EnumSet.noneOf(OrderStatus.class);
    }

    private Set<OrderStatus> next;

    public boolean canMoveTo(OrderStatus target) {
        return next.contains(target);
    }

    /**
     * A paid order is cancelled only for a reason that gives the payment back (the merchant's,
     * support's); anyone else's cancel of it is refused.
     */
    public boolean refusesCancel(CancelReason reason) {
        return this == PAID && !reason.refundsPaidOrder();
    }

    /** No money can move any more: the order is closed or fully refunded. */
    public boolean isFinal() {
        return next.isEmpty();
    }
}
