package io.exactpay.domain.model.webhook;

import jakarta.ejb.ApplicationException;

/** No such endpoint, or one of another client: the same answer, so ids cannot be probed. */
@ApplicationException(rollback = true)
public class WebhookEndpointNotFoundException extends RuntimeException {

    public WebhookEndpointNotFoundException(String what) {
        super("No webhook endpoint " + what);
    }
}
