package io.exactpay.application;

import java.util.Optional;
import java.util.function.Supplier;

/** Writes that a client may retry with the same {@code Idempotency-Key} without doing them twice. */
public interface IdempotencyService {

    /**
     * Runs {@code work} once per client and key. The key is taken first, in the transaction that
     * {@code work} writes in, so the write and its key commit together or not at all; a second
     * request with the key waits until the first ends.
     *
     * @param work the write; returns the response to keep, or empty for one not to keep (an
     *             error), which rolls back the transaction, key included, so that a retry runs again
     * @return the recorded response of the earlier request with this key, or empty when
     *         {@code work} ran now
     * @throws IdempotencyKeyReusedException the key was used for a different request
     * @throws IdempotencyKeyInUseException  the earlier request still runs after the lock timeout
     */
    Optional<RecordedResponse> replayOrRun(IdempotentRequest request, Supplier<Optional<RecordedResponse>> work)
            throws IdempotencyKeyReusedException, IdempotencyKeyInUseException;

    /** Forgets keys taken before {@code cutoff}; returns how many. */
    int forgetBefore(java.time.Instant cutoff);
}
