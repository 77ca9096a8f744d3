package io.exactpay.application;

/**
 * A write that a client marked with an {@code Idempotency-Key}: the key is the client's own, and
 * the fingerprint (a hash of method, path and body) tells the same request from another one.
 */
public record IdempotentRequest(String clientId, String key, String fingerprint) {
}
