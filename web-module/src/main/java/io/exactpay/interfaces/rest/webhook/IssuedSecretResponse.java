package io.exactpay.interfaces.rest.webhook;

import io.exactpay.application.WebhookSecretIssued;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint with its new secret: the only answer that ever shows a secret. */
public record IssuedSecretResponse(UUID id, String clientId, String url, List<String> eventTypes, Instant createdAt,
                                   Instant previousSecretExpiresAt, String secret) {

    static IssuedSecretResponse of(WebhookSecretIssued issued) {
        var e = issued.endpoint();
        return new IssuedSecretResponse(e.id(), e.clientId(), e.url(), e.eventTypes(), e.createdAt(),
                e.previousSecretExpiresAt(), issued.secret());
    }
}
