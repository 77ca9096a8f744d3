package io.exactpay.application.internal;

import java.util.OptionalInt;
import java.util.UUID;

/** The record of command messages already acted on (DESIGN.md section 5). */
public interface ProcessedMessages {

    /** The order revision the message produced, if it was processed before. */
    OptionalInt revisionProducedBy(String messageId);

    void record(String messageId, String consumer, int deliveryAttempt, UUID orderId, int orderRevision);
}
