package io.exactpay.application.janitor;

import io.exactpay.domain.model.order.OrderBusyException;
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

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The unpaid-order timeout and the janitor, on the server's clock, every {@code exactpay.janitor.interval}:
 * <ul>
 *   <li>PENDING orders past their expiry are cancelled through the cancel consumer, like any cancel;</li>
 *   <li>open attempts and unsettled refunds that heard nothing for {@code exactpay.janitor.stale-after}
 *       are asked about at their channel, and what the channel says is settled through the same
 *       consumers as a callback would be.</li>
 * </ul>
 * Every instance runs it; the consumers are idempotent and re-read under the order's lock, so two
 * janitors at once only repeat each other's questions.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JanitorTask {

    private static final Logger LOG = Logger.getLogger(JanitorTask.class.getName());
    private static final int BATCH = 200;

    @Resource
    private TimerService timers;

    @Inject
    private OrderExpiry expiry;

    @Inject
    private StaleAttemptCheck attemptCheck;

    @Inject
    private StaleRefundCheck refundCheck;

    @Inject
    @ConfigProperty(name = "exactpay.janitor.interval", defaultValue = "PT30S")
    private Duration interval;

    @Inject
    @ConfigProperty(name = "exactpay.janitor.stale-after", defaultValue = "PT2M")
    private Duration staleAfter;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long millis = interval.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("janitor", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pass() {
        if (!running.compareAndSet(false, true)) return;
        try {
            int expired = expiry.expireDueOrders(BATCH);
            int attempts = 0;
            for (UUID attempt : attemptCheck.staleAttempts(staleAfter, BATCH)) {
                attempts += each("attempt", attempt, () -> attemptCheck.checkAttempt(attempt));
            }
            int refunds = 0;
            for (UUID refund : refundCheck.staleRefunds(staleAfter, BATCH)) {
                refunds += each("refund", refund, () -> refundCheck.checkRefund(refund));
            }
            if (expired + attempts + refunds > 0) {
                int a = attempts;
                int r = refunds;
                LOG.info(() -> "janitor: " + expired + " orders expired, " + a + " attempts and " + r + " refunds checked");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "janitor pass failed; the next pass tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** One item in its own transaction; its failure (say, a channel that does not answer) waits for the next pass. */
    private int each(String what, UUID id, Runnable check) {
        try {
            check.run();
            return 1;
        } catch (OrderBusyException e) {
            // Other work holds the order: expected, and the next pass looks again.
            LOG.info(() -> "janitor: " + what + " " + id + " not checked this pass: " + e.getMessage());
            return 0;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "janitor: " + what + " " + id + " not settled this pass");
            LOG.warning(() -> "janitor: " + what + " " + id + " not settled this pass: " + e);
            return 0;
        }
    }
}
