package io.exactpay.application;

import jakarta.ejb.ApplicationException;

/** The client used the key before for a different request (method, path or body). */
@ApplicationException(rollback = true)
public class IdempotencyKeyReusedException extends Exception {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was used for a different request");
    }
}
