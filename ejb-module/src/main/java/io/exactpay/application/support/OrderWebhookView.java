package io.exactpay.application.support;

import java.time.Instant;
import java.util.UUID;

/** A webhook about an order: to which endpoint, how far it got. */
public record OrderWebhookView(UUID deliveryId, UUID endpointId, String clientId, String url, String eventType,
                               String status, int attempts, Instant createdAt, Instant deliveredAt) {
}
