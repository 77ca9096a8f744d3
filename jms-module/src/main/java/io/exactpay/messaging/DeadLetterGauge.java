package io.exactpay.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;

import java.util.Enumeration;

/**
 * The dead-letter queue's depth: every message there needs a person. Browsed (never consumed) at
 * most every few seconds, up to a cap.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeadLetterGauge {

    private static final long FRESH_FOR_MILLIS = 5_000;
    private static final int CAP = 100_000;

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    private volatile long depth;
    private volatile long countedAt;

    @Gauge(name = "exactpay_dead_letters", unit = MetricUnits.NONE, absolute = true,
            description = "Messages on exactpay.DLQ, each with its deadLetterReason; 0 expected")
    public long depth() throws Exception {
        long now = System.currentTimeMillis();
        if (now - countedAt > FRESH_FOR_MILLIS) {
            try (JMSContext context = connectionFactory.createContext();
                 QueueBrowser browser = context.createBrowser(context.createQueue(DeadLetters.ADDRESS))) {
                long count = 0;
                for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && count < CAP; e.nextElement()) {
                    count++;
                }
                depth = count;
                countedAt = now;
            }
        }
        return depth;
    }
}
