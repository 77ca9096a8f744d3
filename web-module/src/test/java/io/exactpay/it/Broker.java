package io.exactpay.it;

import io.exactpay.server.Settings;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.ArrayList;
import java.util.List;

/** The broker as a legacy system sees it: plain JMS over the network. */
public final class Broker {

    public static final String COMMANDS = "exactpay.order.commands";
    public static final String DEAD_LETTERS = "exactpay.DLQ";
    public static final String EVENTS = "exactpay.events::" + SystemUnderTest.EVENTS_QUEUE;

    private Broker() {
    }

    public static ConnectionFactory connectionFactory() {
        Settings s = SystemUnderTest.get().settings();
        return new ActiveMQConnectionFactory("tcp://" + s.get("broker.host") + ":" + s.get("broker.port"));
    }

    /** Receives the first message on the queue that matches the selector, or null after the wait. */
    public static Message receive(String queue, String selector, long timeoutMillis) {
        try (JMSContext context = connectionFactory().createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue), selector)) {
            return consumer.receive(timeoutMillis);
        }
    }

    /** Drains every message on the queue that matches the selector, waiting briefly for stragglers. */
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
