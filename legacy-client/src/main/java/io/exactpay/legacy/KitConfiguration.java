package io.exactpay.legacy;

import javax.sql.XADataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the kit needs: ExactPay's broker, the legacy system's own database as an XA data source
 * (for PostgreSQL an {@code org.postgresql.xa.PGXADataSource}; the server needs
 * {@code max_prepared_transactions > 0}), where the transaction log lives, and this process's
 * node name.
 *
 * @param transactionLog   Narayana's object store: the record of every transaction that was
 *                         prepared but not yet completed. It must survive a crash (a local disk,
 *                         not a temporary directory) and belong to this process alone.
 * @param nodeName         this process's name in every transaction id it makes (at most 28
 *                         characters), unique among the processes that share the database or the
 *                         broker: recovery rolls back only in-doubt work that carries its own name.
 * @param transactionTimeout how long one transaction may run before it is rolled back.
 * @param recoveryPeriod   how often the recovery manager looks for in-doubt transactions while
 *                         the process runs (it always looks once when the kit starts).
 */
public record KitConfiguration(ExactPayBroker broker, XADataSource database, Path transactionLog, String nodeName,
                               Duration transactionTimeout, Duration recoveryPeriod) {

    public KitConfiguration {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(transactionLog, "transactionLog");
        Objects.requireNonNull(nodeName, "nodeName");
        if (nodeName.isEmpty() || nodeName.length() > 28) {
            throw new IllegalArgumentException("nodeName must be 1 to 28 characters, was " + nodeName);
        }
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        Objects.requireNonNull(recoveryPeriod, "recoveryPeriod");
    }

    /** A 60 s transaction timeout and a recovery pass every two minutes. */
    public KitConfiguration(ExactPayBroker broker, XADataSource database, Path transactionLog, String nodeName) {
        this(broker, database, transactionLog, nodeName, Duration.ofSeconds(60), Duration.ofMinutes(2));
    }
}
