package io.exactpay.legacy.contract;

/**
 * A reply or event body that does not match its contract. Thrown inside the caller's transaction,
 * it rolls the delivery back: the broker redelivers it and, after its attempts, dead-letters it.
 */
public class MalformedBodyException extends RuntimeException {

    public MalformedBodyException(String message) {
        super(message);
    }
}
