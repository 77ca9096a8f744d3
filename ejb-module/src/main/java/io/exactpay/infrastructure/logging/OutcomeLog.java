package io.exactpay.infrastructure.logging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One log line per business outcome, carrying as fields the ids a person follows a payment by
 * (orderId, outTradeNo, transactionId, outRefundNo, messageId, ...). Logged when the transaction
 * that did the work commits, as the counters are: a change rolled back and redelivered is logged
 * once, as it happened once. The JSON log ({@link JsonLogFile}) writes the fields as JSON fields;
 * the server console shows the same line as text.
 */
@ApplicationScoped
public class OutcomeLog {

    static final String LOGGER = "io.exactpay.outcome";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    /** Fields in pairs: name, value, name, value, ...; null values are left out. */
    public void record(String outcome, Object... fields) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("outcome", outcome);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) named.put(String.valueOf(fields[i]), fields[i + 1]);
        }
        LogRecord line = new LogRecord(Level.INFO, named.entrySet().stream().skip(1)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ", outcome + " ", "")));
        line.setLoggerName(LOGGER);
        line.setParameters(new Object[] {named});
        if (transactions.getTransactionKey() == null) {
            LOG.log(line);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) return;
                // The line's time is the commit's, so a log reader can time a change end to end.
                line.setInstant(Instant.now());
                LOG.log(line);
            }
        });
    }
}
