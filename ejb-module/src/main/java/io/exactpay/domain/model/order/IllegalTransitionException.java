package io.exactpay.domain.model.order;

import jakarta.ejb.ApplicationException;

/** The order's state machine does not allow this change from the order's current state. */
@ApplicationException(rollback = true)
public class IllegalTransitionException extends Exception {

    private final OrderStatus from;

    public IllegalTransitionException(OrderStatus from, String message) {
        super(message);
        this.from = from;
    }

    public OrderStatus from() {
        return from;
    }
}
