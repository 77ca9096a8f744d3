package io.exactpay.domain.model.webhook;

import jakarta.ejb.ApplicationException;

@ApplicationException(rollback = true)
public class WebhookDeliveryNotFoundException extends RuntimeException {

    public WebhookDeliveryNotFoundException(String what) {
        super("No webhook delivery " + what);
    }
}
