package io.exactpay.domain.model.refund;

import jakarta.ejb.ApplicationException;

import java.util.UUID;

/** No refund has this id. */
@ApplicationException(rollback = true)
public class RefundNotFoundException extends Exception {

    public RefundNotFoundException(UUID refundId) {
        super("No refund " + refundId);
    }
}
