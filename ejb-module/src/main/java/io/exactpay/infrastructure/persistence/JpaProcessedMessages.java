package io.exactpay.infrastructure.persistence;

import io.exactpay.application.internal.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.OptionalInt;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaProcessedMessages implements ProcessedMessages {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public OptionalInt revisionProducedBy(String messageId) {
        ProcessedMessage found = em.find(ProcessedMessage.class, messageId);
        return found == null ? OptionalInt.empty() : OptionalInt.of(found.orderRevision());
    }

    @Override
    public void record(String messageId, String consumer, int deliveryAttempt, UUID orderId, int orderRevision) {
        em.persist(new ProcessedMessage(messageId, consumer, deliveryAttempt, orderId, orderRevision, clock.instant()));
    }
}
