package io.exactpay.interfaces.rest.webhook;

import java.util.List;

/** Body of {@code POST /api/v1/webhooks/endpoints}: where to send, and which events. */
public record RegisterEndpointRequest(String url, List<String> eventTypes) {
}
