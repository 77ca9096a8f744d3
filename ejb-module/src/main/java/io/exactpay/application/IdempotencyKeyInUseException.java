package io.exactpay.application;

import jakarta.ejb.ApplicationException;

/** A request with the same key is still running, longer than the lock timeout; retry later. */
@ApplicationException(rollback = true)
public class IdempotencyKeyInUseException extends Exception {

    public IdempotencyKeyInUseException(String key) {
        super("A request with Idempotency-Key " + key + " is still in progress");
    }
}
