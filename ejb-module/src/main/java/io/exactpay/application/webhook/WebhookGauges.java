package io.exactpay.application.webhook;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Webhooks that need a look: DEAD deliveries (a merchant's receiver refused or missed every
 * attempt for the whole retry window; support resends once it is fixed) and those still pending.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WebhookGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(2);

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    private volatile long[] counts = new long[2];
    private volatile Instant countedAt = Instant.EPOCH;

    @Gauge(name = "exactpay_webhooks_dead", unit = MetricUnits.NONE, absolute = true,
            description = "ALERT: webhook deliveries DEAD after their retry window; 0 expected")
    public long dead() {
        return counts()[0];
    }

    @Gauge(name = "exactpay_webhooks_pending", unit = MetricUnits.NONE, absolute = true,
            description = "Webhook deliveries waiting for their first or next attempt")
    public long pending() {
        return counts()[1];
    }

    private long[] counts() {
        Instant now = clock.instant();
        if (countedAt.plus(FRESH_FOR).isBefore(now)) {
            Object[] row = (Object[]) em.createNativeQuery("select"
                    + " (select count(*) from webhook_delivery where status = 'DEAD'),"
                    + " (select count(*) from webhook_delivery where status = 'PENDING')").getSingleResult();
            counts = new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
            countedAt = now;
        }
        return counts;
    }
}
