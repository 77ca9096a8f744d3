package io.exactpay.application.janitor;

import io.exactpay.application.IdempotencyService;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Forgets idempotency keys past their retention (24 h by default, {@code exactpay.idempotency.retention}),
 * every hour: a retry after that runs as a new request. Any instance may run it; the delete is idempotent.
 */
@Singleton
public class IdempotencyKeyCleanupTask {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyCleanupTask.class.getName());

    @Inject
    private IdempotencyService idempotency;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "exactpay.idempotency.retention", defaultValue = "PT24H")
    private Duration retention;

    @Schedule(minute = "7", hour = "*", persistent = false)
    void forgetExpiredKeys() {
        int forgotten = idempotency.forgetBefore(clock.instant().minus(retention));
        if (forgotten > 0) LOG.info(() -> "Forgot " + forgotten + " idempotency keys older than " + retention);
    }
}
