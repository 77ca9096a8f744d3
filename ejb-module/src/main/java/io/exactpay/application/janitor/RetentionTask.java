package io.exactpay.application.janitor;

import io.exactpay.application.webhook.WebhookDispatchSteps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets replay guards once nobody can repeat what they guard, every {@code exactpay.retention.interval}
 * (server clock): WeChat Pay nonces, settled callback inbox rows and processed legacy command ids
 * older than {@code exactpay.retention.period} (7 days by default); and the attempt log of webhook
 * deliveries that are over, after the same period. The period must outlast every
 * channel's callback retries (WeChat Pay about 24 hours, Alipay about 25) and every broker
 * redelivery, so a shorter one is raised to {@link #SHORTEST} with a warning. Idempotency keys have
 * their own retention ({@link IdempotencyKeyCleanupTask}). Any instance may run it: two purges at
 * once delete each row once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionTask {

    static final Duration SHORTEST = Duration.ofHours(26);

    private static final Logger LOG = Logger.getLogger(RetentionTask.class.getName());
    private static final int BATCH = 1_000;
    /** Batches per table and pass: a large backlog is worked off over several passes. */
    private static final int MAX_BATCHES = 100;

    @Resource
    private TimerService timers;

    @Inject
    private ReplayGuardPurge replayGuards;

    @Inject
    private WebhookDispatchSteps webhooks;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "exactpay.retention.period", defaultValue = "P7D")
    private Duration period;

    @Inject
    @ConfigProperty(name = "exactpay.retention.interval", defaultValue = "PT1H")
    private Duration interval;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (period.compareTo(SHORTEST) < 0) {
            LOG.warning(() -> "exactpay.retention.period " + period + " is shorter than a channel's callback retries;"
                    + " keeping replay guards for " + SHORTEST);
            period = SHORTEST;
        }
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("retention", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pass() {
        if (!running.compareAndSet(false, true)) return;
        try {
            Instant cutoff = clock.instant().minus(period);
            int nonces = purge(cutoff, replayGuards::forgetNonces);
            int callbacks = purge(cutoff, replayGuards::forgetSettledCallbacks);
            int messages = purge(cutoff, replayGuards::forgetProcessedMessages);
            int attempts = purge(cutoff, webhooks::forgetFinishedAttempts);
            if (nonces + callbacks + messages + attempts > 0) {
                LOG.info(() -> "retention: forgot " + nonces + " callback nonces, " + callbacks
                        + " settled callback inbox rows, " + messages + " processed message ids, " + attempts
                        + " attempts of finished webhook deliveries older than " + period);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention pass failed; the next pass tries again", e);
        } finally {
            running.set(false);
        }
    }

    private static int purge(Instant cutoff, BiFunction<Instant, Integer, Integer> batch) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = batch.apply(cutoff, BATCH);
            total += deleted;
            if (deleted < BATCH) break;
        }
        return total;
    }
}
