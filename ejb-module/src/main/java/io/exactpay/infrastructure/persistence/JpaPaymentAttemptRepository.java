package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.payment.AttemptStatus;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaPaymentAttemptRepository implements PaymentAttemptRepository {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public void add(PaymentAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public Optional<PaymentAttempt> find(UUID attemptId) {
        return Optional.ofNullable(em.find(PaymentAttempt.class, attemptId));
    }

    @Override
    public Optional<PaymentAttempt> findByTrade(Channel channel, String outTradeNo) {
        return em.createNamedQuery("PaymentAttempt.byTrade", PaymentAttempt.class)
                .setParameter("channel", channel).setParameter("outTradeNo", outTradeNo)
                .getResultStream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentAttempt> forOrder(UUID orderId) {
        return em.createNamedQuery("PaymentAttempt.forOrder", PaymentAttempt.class)
                .setParameter("order", orderId).getResultList();
    }

    @Override
    public void refresh(PaymentAttempt attempt) {
        em.refresh(attempt);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> openNotCheckedSince(Instant since, int limit) {
        return em.createNamedQuery("PaymentAttempt.notCheckedSince", UUID.class)
                .setParameter("states", AttemptStatus.open()).setParameter("since", since)
                .setMaxResults(limit).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countOpen() {
        return em.createNamedQuery("PaymentAttempt.countIn", Long.class)
                .setParameter("states", AttemptStatus.open()).getSingleResult();
    }
}
