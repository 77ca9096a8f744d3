package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.payment.CaptureRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaCaptureRepository implements CaptureRepository {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public void add(Capture capture) {
        em.persist(capture);
    }

    @Override
    public Optional<Capture> find(UUID captureId) {
        return Optional.ofNullable(em.find(Capture.class, captureId));
    }

    @Override
    public Optional<Capture> ofAttempt(UUID attemptId) {
        return em.createNamedQuery("Capture.ofAttempt", Capture.class)
                .setParameter("attempt", attemptId).getResultStream().findFirst();
    }

    @Override
    public Optional<Capture> primaryOf(UUID orderId) {
        return em.createNamedQuery("Capture.forOrderInRole", Capture.class)
                .setParameter("order", orderId).setParameter("role", CaptureRole.PRIMARY)
                .getResultStream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Capture> forOrder(UUID orderId) {
        return em.createNamedQuery("Capture.forOrder", Capture.class).setParameter("order", orderId).getResultList();
    }
}
