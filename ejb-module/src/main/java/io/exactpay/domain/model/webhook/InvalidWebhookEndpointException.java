package io.exactpay.domain.model.webhook;

import jakarta.ejb.ApplicationException;

/** A registration the endpoint's rules refuse (URL, event types); the caller's mistake, nothing is stored. */
@ApplicationException(rollback = true)
public class InvalidWebhookEndpointException extends IllegalArgumentException {

    public InvalidWebhookEndpointException(String message) {
        super(message);
    }
}
