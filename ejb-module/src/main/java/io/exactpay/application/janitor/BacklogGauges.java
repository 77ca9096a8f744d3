package io.exactpay.application.janitor;

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
 * What support watches between scrapes: channel trades still open, refunds still on their way,
 * and FAILED refunds, the alert (each needs a person; 0 expected). Counted in the database at most
 * every few seconds, however often the metrics are scraped.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BacklogGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    private volatile long[] counts = new long[3];
    private volatile Instant countedAt = Instant.EPOCH;

    @Gauge(name = "exactpay_open_attempts", unit = MetricUnits.NONE, absolute = true,
            description = "Channel trades that can still be paid (OPENING or OPEN)")
    public long openAttempts() {
        return counts()[0];
    }

    @Gauge(name = "exactpay_refunds_unsettled", unit = MetricUnits.NONE, absolute = true,
            description = "Refunds REQUESTED or SUBMITTED, not yet confirmed by their channel")
    public long unsettledRefunds() {
        return counts()[1];
    }

    @Gauge(name = "exactpay_refunds_failed", unit = MetricUnits.NONE, absolute = true,
            description = "ALERT: FAILED refunds waiting for a person (admin/refunds/failed); 0 expected")
    public long failedRefunds() {
        return counts()[2];
    }

    private long[] counts() {
        Instant now = clock.instant();
        if (countedAt.plus(FRESH_FOR).isBefore(now)) {
            Object[] row = (Object[]) em.createNativeQuery("select"
                    + " (select count(*) from payment_attempt where status in ('OPENING', 'OPEN')),"
                    + " (select count(*) from refund where status in ('REQUESTED', 'SUBMITTED')),"
                    + " (select count(*) from refund where status = 'FAILED')").getSingleResult();
            counts = new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()};
            countedAt = now;
        }
        return counts;
    }
}
