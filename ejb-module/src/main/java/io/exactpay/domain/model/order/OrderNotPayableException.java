package io.exactpay.domain.model.order;

import jakarta.ejb.ApplicationException;

/** The order cannot take a payment now: it is no longer PENDING, or its time to pay is over. */
@ApplicationException(rollback = true)
public class OrderNotPayableException extends Exception {

    public OrderNotPayableException(String message) {
        super(message);
    }
}
