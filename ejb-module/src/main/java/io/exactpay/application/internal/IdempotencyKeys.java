package io.exactpay.application.internal;

import io.exactpay.application.IdempotencyKeyInUseException;
import io.exactpay.application.IdempotentRequest;
import io.exactpay.application.RecordedResponse;

import java.time.Instant;
import java.util.Optional;

/** The table of idempotency keys (docs/idempotency.md); every method joins the caller's transaction. */
public interface IdempotencyKeys {

    /**
     * Takes the client's key for this request, unless it is taken: waits (up to the lock timeout)
     * while another transaction holds it uncommitted.
     *
     * @return true when this transaction took the key, false when an earlier request has it
     */
    boolean take(IdempotentRequest request, Instant now) throws IdempotencyKeyInUseException;

    /** Keeps the response with the key this transaction took. */
    void record(IdempotentRequest request, RecordedResponse response);

    /** The earlier request's fingerprint and response, once {@link #take} found the key taken. */
    Optional<Earlier> find(String clientId, String key);

    int deleteBefore(Instant cutoff);

    record Earlier(String fingerprint, RecordedResponse response) {
    }
}
