package io.exactpay.domain.model.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface OrderRepository {

    void add(Order order);

    Optional<Order> find(UUID id);

    Optional<Order> findByMerchantOrderNo(String clientId, String merchantOrderNo);

    /**
     * Whether the order exists and is this client's: a plain read of its id, no entity managed, so
     * that a locking read which follows loads the row.
     */
    boolean isClientsOrder(UUID orderId, String clientId);

    void addRemark(OrderRemark remark);

    /** A line in the order's audit trail: written once, never changed. */
    void addAuditEntry(OrderAuditEntry entry);

    /** The order's audit trail, oldest first. */
    List<OrderAuditEntry> timeline(UUID orderId);

    /** PENDING orders whose time to pay has run out by {@code now}, the longest overdue first. */
    List<UUID> pendingExpiredBy(Instant now, int limit);

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
