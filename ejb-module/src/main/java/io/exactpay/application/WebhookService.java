package io.exactpay.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merchant webhooks: a portal client's endpoints, and their deliveries. A client reaches only its
 * own endpoints (another's is not found); staff pass no client and reach every one.
 */
public interface WebhookService {

    /** Registers an endpoint with a fresh secret, returned only here. */
    WebhookSecretIssued register(String clientId, String url, List<String> eventTypes);

    /** The client's endpoints, or every client's for staff (empty client). */
    List<WebhookEndpointView> endpoints(Optional<String> clientId);

    /** A new secret; the previous one keeps signing alongside for the configured overlap. */
    WebhookSecretIssued rotateSecret(String clientId, UUID endpointId);

    /** No more events are recorded or sent for it. */
    WebhookEndpointView disable(String clientId, UUID endpointId);

    /** The endpoint's deliveries, newest first (at most {@code limit}). */
    List<WebhookDeliveryView> deliveries(Optional<String> clientId, UUID endpointId, int limit);

    WebhookDeliveryView delivery(Optional<String> clientId, UUID deliveryId);

    /** Support sends a delivery again (DEAD or not): PENDING now, with a new retry window; same webhook-id. */
    WebhookDeliveryView resend(UUID deliveryId, String actor);
}
