package io.exactpay.application.webhook;

import java.util.List;
import java.util.UUID;

/** A claimed delivery, with what its sender needs: where, the body, and the secrets that sign it now. */
public record OutgoingWebhook(UUID deliveryId, String webhookId, String url, List<String> secrets, String payload) {
}
