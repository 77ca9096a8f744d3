package io.exactpay.ra;

import org.apache.activemq.artemis.ra.inflow.ActiveMQActivationSpec;

/**
 * The activation configuration every ExactPay consumer shares, written once: the Artemis
 * adapter's activation spec with the defaults our message-driven beans need. A bean names its
 * queue ({@code destination}, the queue's address on the broker) and nothing else, unless it wants
 * another number of concurrent sessions.
 *
 * <ul>
 *   <li>{@code destinationType} is a queue: every consumer takes work from a queue.</li>
 *   <li>{@code useJNDI} is off: the destination is the broker address itself, so a server needs no
 *       JNDI object per queue. Artemis' own spec starts with it on.</li>
 *   <li>{@code maxSession} is 8 concurrent deliveries per instance (Artemis' own spec starts with
 *       15): enough to keep the database pool busy without queueing inside it.</li>
 * </ul>
 *
 * <p>The adapter uses it because the RAR's {@code ra.xml} names it as its activation spec; the beans
 * reach this adapter without naming it because the servers' system property
 * {@code com.sun.enterprise.connectors.inbound.ramid} makes {@code artemis-ra} the default adapter for
 * message-driven beans. A value a bean does set (its {@code maxSession}, say) replaces the default
 * here, since Payara sets a bean's activation properties after constructing the spec.
 */
public class QueueActivationSpec extends ActiveMQActivationSpec {

    private static final long serialVersionUID = 1L;

    /** Concurrent deliveries per consumer and instance, unless the bean says otherwise. */
    public static final int DEFAULT_SESSIONS = 8;

    public QueueActivationSpec() {
        setDestinationType("jakarta.jms.Queue");
        setUseJNDI(false);
        setMaxSession(DEFAULT_SESSIONS);
    }
}
