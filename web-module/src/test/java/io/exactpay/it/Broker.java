package io.exactpay.it;

import io.exactpay.server.LegacySystem;
import io.exactpay.server.Settings;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The broker over the network, as its users see it: ExactPay's own user (what support and the
 * suites' checks read the queues with) or a legacy system's.
 */
public final class Broker {

    public static final String COMMANDS = "exactpay.order.commands";
    public static final String CAPTURES = "exactpay.payment.captures";
    public static final String DEAD_LETTERS = "exactpay.DLQ";
    public static final String EVENTS = "exactpay.events::" + SystemUnderTest.EVENTS_QUEUE;

    private Broker() {
    }

    /** As ExactPay's own broker user. */
    public static ConnectionFactory connectionFactory() {
        Settings s = SystemUnderTest.get().settings();
        return connectionFactory(s.get("broker.user"), s.get("broker.password"));
    }

    /** As the legacy system of this name, with its configured password. */
    public static ConnectionFactory legacySystem(String name) {
        LegacySystem system = legacySystemNamed(name);
        return connectionFactory(system.name(), system.password());
    }

    public static LegacySystem legacySystemNamed(String name) {
        return SystemUnderTest.get().settings().legacySystems().stream()
                .filter(system -> system.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No legacy system " + name + " in the settings"));
    }

    public static ConnectionFactory connectionFactory(String user, String password) {
        Settings s = SystemUnderTest.get().settings();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://" + s.get("broker.host") + ":" + s.get("broker.port"), user, password);
        // A refused connection is an answer in the security suite, not something to retry.
        factory.setReconnectAttempts(0);
        return factory;
    }

    /** Receives, as ExactPay's user, the first message on the queue that matches the selector, or null after the wait. */
    public static Message receive(String queue, String selector, long timeoutMillis) {
        return receive(connectionFactory(), queue, selector, timeoutMillis);
    }

    public static Message receive(ConnectionFactory as, String queue, String selector, long timeoutMillis) {
        try (JMSContext context = as.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue), selector)) {
            return consumer.receive(timeoutMillis);
        }
    }

    /** Drains, as ExactPay's user, every message on the queue that matches the selector, waiting briefly for stragglers. */
    public static List<Message> receiveAll(String queue, String selector, long quietMillis) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext context = connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue), selector)) {
            for (Message m = consumer.receive(quietMillis); m != null; m = consumer.receive(quietMillis)) {
                messages.add(m);
            }
        }
        return messages;
    }

    /**
     * Whether the queue holds nothing: no message waiting, none scheduled for a later or repeated
     * delivery and none being delivered. Work queued before this call has then been done (committed)
     * or dead-lettered.
     */
    public static boolean drained(String queue) {
        org.apache.activemq.artemis.core.server.Queue q = SystemUnderTest.get().broker().server().locateQueue(queue);
        if (q == null) throw new IllegalArgumentException("No queue " + queue + " on the broker");
        return q.getMessageCount() + q.getScheduledCount() + q.getDeliveringCount() == 0;
    }

    public static long preparedTransactions() {
        return SystemUnderTest.get().broker().server().getResourceManager().getPreparedTransactions().size();
    }

    /** Prepared transaction branches older than the given age: a healthy one commits within milliseconds. */
    public static long preparedTransactionsOlderThan(long millis) {
        long before = System.currentTimeMillis() - millis;
        return SystemUnderTest.get().broker().server().getResourceManager().getPreparedTransactionsWithCreationTime()
                .values().stream().filter(created -> created < before).count();
    }
}
