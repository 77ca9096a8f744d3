package io.exactpay.messaging;

import io.exactpay.domain.model.order.OrderNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Runs a message's last attempt in a transaction of its own, so that its failure rolls back that
 * work only and can still be recorded in the consumer's transaction.
 */
@Stateless
public class IsolatedTransaction {

    /** Work that settles one record. */
    @FunctionalInterface
    public interface Work {
        void run() throws OrderNotFoundException;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Void run(Work work) throws OrderNotFoundException {
        work.run();
        return null;
    }
}
