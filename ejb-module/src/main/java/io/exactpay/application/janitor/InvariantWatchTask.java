package io.exactpay.application.janitor;

import io.exactpay.application.InvariantChecker;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.util.List;
import java.util.logging.Logger;

/**
 * Checks the money invariants every minute (server clock) and publishes the number of violations
 * as the gauge {@code exactpay_invariant_violations}; a scrape reads the last result and costs no
 * query. Any violation is logged as severe: it needs a person.
 */
@Singleton
@Lock(LockType.READ)
public class InvariantWatchTask {

    private static final Logger LOG = Logger.getLogger(InvariantWatchTask.class.getName());

    @Inject
    private InvariantChecker checker;

    private volatile int lastCount;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void check() {
        record(checker.violations());
    }

    /** Keeps a result found by anyone (the admin endpoint as well) as the gauge's value. */
    public void record(List<InvariantChecker.Violation> violations) {
        lastCount = violations.size();
        if (!violations.isEmpty()) LOG.severe(() -> "Money invariants violated: " + violations);
    }

    @Gauge(name = "exactpay_invariant_violations", unit = MetricUnits.NONE, absolute = true,
            description = "Orders breaking a money invariant at the last check; 0 expected")
    public int violations() {
        return lastCount;
    }
}
