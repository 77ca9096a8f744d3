package io.exactpay.application.reconciliation;

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
 * The alert on the books against the money: lines of each channel's latest reconciliation report
 * that did not match (0 expected). Counted in the database at most every few seconds.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReconciliationGauge {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    @Inject
    private ReconciliationSteps steps;

    @Inject
    private Clock clock;

    private volatile long unmatched;
    private volatile Instant countedAt = Instant.EPOCH;

    @Gauge(name = "exactpay_reconciliation_unmatched_lines", unit = MetricUnits.NONE, absolute = true,
            description = "ALERT: lines of each channel's latest reconciliation report that did not match"
                    + " (channel only, ledger only, amount or status mismatch); 0 expected")
    public long unmatchedLines() {
        Instant now = clock.instant();
        if (countedAt.plus(FRESH_FOR).isBefore(now)) {
            unmatched = steps.unmatchedInLatestReports();
            countedAt = now;
        }
        return unmatched;
    }
}
