package io.exactpay.chaos;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.UUID;

/**
 * What the broker does with a message whose consumer goes away while holding it. ExactPay's
 * consumers dead-letter a message themselves, with the reason, on their last attempt; the broker's
 * own attempt limit is only a safety net above that. But the broker also counts a delivery whose
 * consumer died with it (a killed server, a cut connection, a transaction that could not even
 * record its failure while the database was down). With the net one attempt above the consumers'
 * limit, one such loss after the consumers' attempts made the broker dead-letter the message
 * itself, without a reason: the chaos run found a refund's submission on the dead-letter queue so.
 *
 * <p>This sends a probe to a queue under ExactPay's address settings, rolls back as many
 * deliveries as the consumers' limit, then takes one more delivery and closes its connection with
 * the message in hand. The broker must deliver the message again (for a consumer to decide), not
 * dead-letter it.
 */
final class CrashedDelivery {

    /** What the broker did after the lost delivery. */
    record Outcome(int consumersLimit, int lostAtDelivery, Integer redeliveredAs, boolean deadLettered) {
    }

    private static final String PROBE_QUEUE = "exactpay.chaos.crash-probe";

    private final ChaosStack stack;

    CrashedDelivery(ChaosStack stack) {
        this.stack = stack;
    }

    Outcome loseOneDeliveryAfterTheConsumersAttempts() throws Exception {
        int limit = stack.settings().getInt("jms.max-delivery-attempts");
        stack.admin().createQueue(PROBE_QUEUE);
        String probe = UUID.randomUUID().toString();
        ActiveMQConnectionFactory factory = factory();
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setProperty("probe", probe).send(context.createQueue(PROBE_QUEUE), "probe");
        }
        String selector = "probe = '" + probe + "'";
        // The consumers' attempts, each rolled back.
        for (int attempt = 1; attempt <= limit; attempt++) {
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(PROBE_QUEUE), selector);
                connection.start();
                Message m = consumer.receive(120_000);
                if (m == null) throw new IllegalStateException("attempt " + attempt + " of the probe never came");
                session.rollback();
            }
        }
        // One more delivery, lost with its consumer: the connection goes with the message in hand.
        Connection lost = factory.createConnection();
        Session session = lost.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(PROBE_QUEUE), selector);
        lost.start();
        Message held = consumer.receive(120_000);
        if (held == null) throw new IllegalStateException("the delivery after the consumers' attempts never came");
        int lostAt = held.getIntProperty("JMSXDeliveryCount");
        lost.close();

        Integer again = null;
        try (Connection connection = factory.createConnection()) {
            Session s = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer c = s.createConsumer(s.createQueue(PROBE_QUEUE), selector);
            connection.start();
            Message m = c.receive(150_000);
            if (m != null) {
                again = m.getIntProperty("JMSXDeliveryCount");
                s.commit(); // the probe is done with
            }
        }
        boolean deadLettered = false;
        try (Connection connection = factory.createConnection()) {
            Session s = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer c = s.createConsumer(s.createQueue("exactpay.DLQ"), selector);
            connection.start();
            Message m = c.receive(again == null ? 5_000 : 500);
            if (m != null) {
                deadLettered = true;
                s.commit(); // take it off, so the run's own dead-letter check sees only ExactPay's work
            }
        }
        return new Outcome(limit, lostAt, again, deadLettered);
    }

    private ActiveMQConnectionFactory factory() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + stack.settings().get("broker.port"),
                stack.settings().get("broker.user"), stack.settings().get("broker.password"));
    }
}
