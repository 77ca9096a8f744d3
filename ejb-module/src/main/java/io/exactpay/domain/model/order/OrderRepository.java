package io.exactpay.domain.model.order;

import java.util.Optional;
import java.util.UUID;

public interface OrderRepository {

    void add(Order order);

    Optional<Order> find(UUID id);

    Optional<Order> findByMerchantOrderNo(String clientId, String merchantOrderNo);

    /**
     * Reads the order and takes its row lock (PESSIMISTIC_WRITE) until the transaction ends;
     * waiting longer than the configured lock timeout fails the transaction.
     *
     * @throws OrderBusyException the row stayed locked past the lock timeout (the transaction rolls back)
     */
    Order findForUpdate(UUID id) throws OrderNotFoundException;

    /** Writes pending changes now, so that constraint violations surface here, not at commit. */
    void flush();
}
