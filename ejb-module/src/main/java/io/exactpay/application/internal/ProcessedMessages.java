package io.exactpay.application.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of command messages already acted on (docs/idempotency.md), per sender: a message id
 * is unique only among one client's messages.
 */
public interface ProcessedMessages {

    /** What the client's message did, if it was processed before. */
    Optional<Processed> find(String clientId, String messageId);

    void record(String clientId, String messageId, String command, int deliveryAttempt, UUID orderId,
                int orderRevision);

    /** Forgets up to {@code batch} commands processed before the cutoff; how many it forgot. */
    int forgetBefore(Instant cutoff, int batch);

    /** A processed command: which one it was, and the order revision it produced. */
    record Processed(String command, UUID orderId, int orderRevision) {
    }
}
