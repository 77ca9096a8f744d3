package io.exactpay.interfaces.rest.idempotency;

import io.exactpay.application.IdempotentRequest;
import jakarta.enterprise.context.RequestScoped;

/** The current request's key and fingerprint, from the filter that read the body to the interceptor. */
@RequestScoped
public class IdempotentCall {

    private IdempotentRequest request;

    void set(IdempotentRequest request) {
        this.request = request;
    }

    /** Null when the request carries no key. */
    IdempotentRequest request() {
        return request;
    }
}
