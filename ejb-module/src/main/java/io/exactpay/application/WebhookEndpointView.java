package io.exactpay.application;

import io.exactpay.domain.model.webhook.WebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint as its client and support see it; never its secret. */
public record WebhookEndpointView(UUID id, String clientId, String url, List<String> eventTypes, Instant createdAt,
                                  Instant previousSecretExpiresAt, Instant disabledAt) {

    public static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id(), endpoint.clientId(), endpoint.url(), endpoint.eventTypes(),
                endpoint.createdAt(), endpoint.previousSecretExpiresAt(), endpoint.disabledAt());
    }
}
