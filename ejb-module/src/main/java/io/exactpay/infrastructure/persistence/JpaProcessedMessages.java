package io.exactpay.infrastructure.persistence;

import io.exactpay.application.internal.ProcessedMessages;
import io.exactpay.infrastructure.logging.OutcomeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaProcessedMessages implements ProcessedMessages {

    private static final String CONSUMER = "order-commands";

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private OutcomeLog outcomes;

    @Override
    public Optional<Processed> find(String clientId, String messageId) {
        return Optional.ofNullable(em.find(ProcessedMessage.class, new ProcessedMessage.Key(clientId, messageId)))
                .map(found -> new Processed(found.command(), found.orderId(), found.orderRevision()));
    }

    @Override
    public void record(String clientId, String messageId, String command, int deliveryAttempt, UUID orderId,
                       int orderRevision) {
        em.persist(new ProcessedMessage(clientId, messageId, command, CONSUMER, deliveryAttempt, orderId,
                orderRevision, clock.instant()));
        outcomes.record("COMMAND_PROCESSED", "clientId", clientId, "messageId", messageId, "command", command,
                "orderId", orderId, "orderRevision", orderRevision, "deliveryAttempt", deliveryAttempt);
    }

    @Override
    public int forgetBefore(Instant cutoff, int batch) {
        return BatchDelete.rows(em, "processed_message", "select ctid from processed_message where processed_at < ?1",
                cutoff, batch);
    }
}
