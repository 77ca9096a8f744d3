package io.exactpay.messaging;

import io.exactpay.application.UnvouchedSettlementException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.Set;

/**
 * Work whose last delivery attempt met a passing condition of the database (its order row held by
 * a transaction in doubt until its coordinator recovers, the database restarting, a lost
 * connection) is not dead: it is queued again, the same message with its group, for delivery a
 * while later ({@code jms.later-delivery-ms}), in the consumer's transaction. After {@link #MAX_DEFERRALS} such rounds it is
 * dead-lettered after all, so that a condition that never passes reaches a person.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LaterDelivery {

    public static final String DEFERRALS = "deliveryDeferrals";
    static final int MAX_DEFERRALS = 10;

    /** SQL states of conditions that pass: connection (08), serialization (40001), deadlock (40P01),
     *  lock not available (55P03), the server shutting down or starting (57P01-57P03), resources (53). */
    private static final Set<String> PASSING_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Inject
    @ConfigProperty(name = "exactpay.jms.later-delivery-ms", defaultValue = "30000")
    private long delayMillis;

    public long delayMillis() {
        return delayMillis;
    }

    /**
     * True when the failure is the database's passing condition, not a fault of the work itself;
     * a settlement not vouched for while a transaction is in doubt is one (its row may be in it).
     */
    public static boolean passing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnvouchedSettlementException unvouched && unvouched.mayYetBeVouched()) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || PASSING_STATES.contains(state)) return true;
            }
        }
        return false;
    }

    public static int deferrals(Message message) throws JMSException {
        return message.propertyExists(DEFERRALS) ? message.getIntProperty(DEFERRALS) : 0;
    }

    /** Queues the message again on its own destination, delivered after the delay, with its group. */
    public void again(Message original) throws JMSException {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            DeadLetters.copyProperties(original, producer);
            String group = original.getStringProperty("JMSXGroupID");
            if (group != null) producer.setProperty("JMSXGroupID", group);
            producer.setProperty(DEFERRALS, deferrals(original) + 1).setDeliveryDelay(delayMillis)
                    .setJMSCorrelationID(original.getJMSCorrelationID());
            String body = original instanceof TextMessage text ? text.getText() : null;
            producer.send(original.getJMSDestination(), body);
        }
    }
}
