package io.exactpay.infrastructure.persistence;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * How long the oldest XA branch has been prepared in the order database ({@code pg_prepared_xacts}),
 * 0 when none is. A branch stays prepared only until its coordinator commits or rolls it back,
 * normally milliseconds; one older than a minute is a transaction in doubt whose coordinator has
 * not come back, and it holds its rows' locks meanwhile (README, "After a crash"). Measured on the
 * database's own clock, which also stamped {@code prepared}, at most every few seconds.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class InDoubtTransactionGauge {

    private static final long FRESH_FOR_MILLIS = 5_000;

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    private volatile long oldestSeconds;
    private volatile long countedAt;

    @Gauge(name = "exactpay_prepared_transactions_oldest_seconds", unit = MetricUnits.NONE, absolute = true,
            description = "Age in seconds of the oldest transaction prepared in the order database; over 60 is in doubt")
    public long oldestSeconds() {
        long now = System.currentTimeMillis();
        if (now - countedAt > FRESH_FOR_MILLIS) {
            oldestSeconds = ((Number) em.createNativeQuery("select coalesce(floor(extract(epoch from"
                            + " clock_timestamp() - min(prepared))), 0) from pg_prepared_xacts where database = current_database()")
                    .getSingleResult()).longValue();
            countedAt = now;
        }
        return oldestSeconds;
    }
}
