package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

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
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentAttempt> forOrder(UUID orderId) {
        return em.createQuery("select a from PaymentAttempt a where a.orderId = :order order by a.createdAt",
                        PaymentAttempt.class)
                .setParameter("order", orderId).getResultList();
    }
}
