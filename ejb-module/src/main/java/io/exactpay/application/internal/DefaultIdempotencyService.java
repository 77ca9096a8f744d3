package io.exactpay.application.internal;

import io.exactpay.application.IdempotencyKeyInUseException;
import io.exactpay.application.IdempotencyKeyReusedException;
import io.exactpay.application.IdempotencyService;
import io.exactpay.application.IdempotentRequest;
import io.exactpay.application.RecordedResponse;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultIdempotencyService implements IdempotencyService {

    @Inject
    private IdempotencyKeys keys;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext context;

    @Override
    public Optional<RecordedResponse> replayOrRun(IdempotentRequest request, Supplier<Optional<RecordedResponse>> work)
            throws IdempotencyKeyReusedException, IdempotencyKeyInUseException {
        // The key first: a second request with it waits here until this transaction ends.
        if (!keys.take(request, clock.instant())) {
            IdempotencyKeys.Earlier earlier = keys.find(request.clientId(), request.key()).orElseThrow(() ->
                    new IllegalStateException("Idempotency-Key " + request.key() + " taken but not found"));
            if (!earlier.fingerprint().equals(request.fingerprint())) {
                throw new IdempotencyKeyReusedException(request.key());
            }
            return Optional.of(earlier.response());
        }
        // The write joins this transaction, so it commits with its key or neither does. Steps that
        // commit on their own (REQUIRES_NEW, as around a channel call) are not undone by a rollback.
        Optional<RecordedResponse> response = work.get();
        if (response.isPresent()) {
            keys.record(request, response.get());
        } else {
            // An error is not kept: the key goes with the transaction, and a retry runs again.
            context.setRollbackOnly();
        }
        return Optional.empty();
    }

    @Override
    public int forgetBefore(Instant cutoff) {
        return keys.deleteBefore(cutoff);
    }
}
