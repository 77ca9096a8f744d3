package io.exactpay.application;

/** A new signing secret, shown once: at registration and at each rotation. */
public record WebhookSecretIssued(WebhookEndpointView endpoint, String secret) {
}
