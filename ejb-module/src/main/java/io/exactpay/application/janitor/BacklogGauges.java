package io.exactpay.application.janitor;

import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.domain.model.refund.RefundStatus;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private RefundRepository refunds;

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
            counts = new long[] {attempts.countOpen(), refunds.countUnsettled(),
                    refunds.countInStatus(RefundStatus.FAILED)};
            countedAt = now;
        }
        return counts;
    }
}
