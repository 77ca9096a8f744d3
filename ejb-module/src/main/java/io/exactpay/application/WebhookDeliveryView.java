package io.exactpay.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event's delivery to one endpoint, with every attempt made so far (oldest first). */
public record WebhookDeliveryView(UUID id, UUID endpointId, UUID eventId, String eventType, UUID orderId,
                                  String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                                  Instant deliveredAt, String payload, List<Attempt> attemptLog) {

    /** What the receiver answered (status, an excerpt of its body) or why nothing came (error). */
    public record Attempt(Instant attemptedAt, Integer statusCode, long latencyMs, String responseExcerpt,
                          String error) {
    }
}
