package io.exactpay.domain.model.order;

import jakarta.ejb.ApplicationException;

import java.util.UUID;

/**
 * The order's row stayed locked by another transaction past the lock timeout. Under contention
 * this is an expected outcome, not a fault: the transaction rolls back and the work is tried again
 * (the message is redelivered, the caller retries).
 */
@ApplicationException(rollback = true)
public class OrderBusyException extends RuntimeException {

    private final UUID orderId;

    public OrderBusyException(UUID orderId, Throwable cause) {
        super("Order " + orderId + " stayed locked past the lock timeout", cause);
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
