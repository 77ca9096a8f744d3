package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.domain.model.refund.RefundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaRefundRepository implements RefundRepository {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public void add(Refund refund) {
        em.persist(refund);
    }

    @Override
    public Optional<Refund> find(UUID refundId) {
        return Optional.ofNullable(em.find(Refund.class, refundId));
    }

    @Override
    public Optional<Refund> findByOutRefundNo(String outRefundNo) {
        return em.createNamedQuery("Refund.byOutRefundNo", Refund.class)
                .setParameter("outRefundNo", outRefundNo).getResultStream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Refund> forOrder(UUID orderId) {
        return em.createNamedQuery("Refund.forOrder", Refund.class).setParameter("order", orderId).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Refund> inStatus(RefundStatus status, int limit) {
        return em.createNamedQuery("Refund.inStatus", Refund.class).setParameter("status", status)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void refresh(Refund refund) {
        em.refresh(refund);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> unsettledNotCheckedSince(Instant since, int limit) {
        return em.createNamedQuery("Refund.notCheckedSince", UUID.class)
                .setParameter("states", RefundStatus.unsettled()).setParameter("since", since)
                .setMaxResults(limit).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countUnsettled() {
        return count(RefundStatus.unsettled());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countInStatus(RefundStatus status) {
        return count(Set.of(status));
    }

    private long count(Set<RefundStatus> states) {
        return em.createNamedQuery("Refund.countIn", Long.class).setParameter("states", states).getSingleResult();
    }
}
