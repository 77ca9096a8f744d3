package io.exactpay.interfaces.rest.idempotency;

import jakarta.interceptor.InterceptorBinding;
import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that honours an {@code Idempotency-Key} header (docs/idempotency.md): the same
 * client's retry with the same key and request gets the first success back, and the write happens
 * once; the same key with another request is {@code 422 idempotency-conflict}. Without the header
 * the request runs as it is. {@link IdempotencyFilter} reads the key and hashes the request;
 * {@link IdempotencyInterceptor} runs the method in one transaction with its key.
 */
@NameBinding
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    String HEADER = "Idempotency-Key";

    /** Set on a response that is a replay of the first one. */
    String REPLAYED_HEADER = "Idempotent-Replayed";
}
