package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderAuditEntry;
import io.exactpay.domain.model.order.OrderBusyException;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRemark;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaOrderRepository implements OrderRepository {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "exactpay.db.lock-timeout-ms", defaultValue = "5000")
    private long lockTimeoutMs;

    @Override
    public void add(Order order) {
        em.persist(order);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(em.find(Order.class, id));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Order> findByMerchantOrderNo(String clientId, String merchantOrderNo) {
        return em.createNamedQuery("Order.byMerchantOrderNo", Order.class)
                .setParameter("client", clientId)
                .setParameter("no", merchantOrderNo)
                .getResultStream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isClientsOrder(UUID orderId, String clientId) {
        return !em.createNamedQuery("Order.idOfClient", UUID.class)
                .setParameter("id", orderId).setParameter("client", clientId).getResultList().isEmpty();
    }

    @Override
    public void addRemark(OrderRemark remark) {
        em.persist(remark);
    }

    @Override
    public void addAuditEntry(OrderAuditEntry entry) {
        em.persist(entry);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderAuditEntry> timeline(UUID orderId) {
        return em.createNamedQuery("OrderAuditEntry.forOrder", OrderAuditEntry.class)
                .setParameter("order", orderId).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> pendingExpiredBy(Instant now, int limit) {
        return em.createNamedQuery("Order.dueBy", UUID.class)
                .setParameter("status", OrderStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public Order findForUpdate(UUID id) throws OrderNotFoundException {
        // PostgreSQL has no per-statement lock wait; bound this transaction's waits instead.
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
                .setParameter(1, lockTimeoutMs + "ms")
                .getSingleResult();
        Order order;
        try {
            order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        } catch (PersistenceException e) {
            if (LockTimeout.isCauseOf(e)) throw new OrderBusyException(id, e);
            throw e;
        }
        if (order == null) throw new OrderNotFoundException(id);
        return order;
    }

    @Override
    public void flush() {
        em.flush();
    }
}
