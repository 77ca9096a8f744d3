package io.exactpay.domain.model.order;

import jakarta.ejb.ApplicationException;

import java.util.UUID;

/** Thrown before anything changed, so the caller's transaction may go on (to reject a command). */
@ApplicationException(rollback = false)
public class OrderNotFoundException extends Exception {

    private final UUID orderId;

    public OrderNotFoundException(UUID orderId) {
        super("Order " + orderId + " does not exist");
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
