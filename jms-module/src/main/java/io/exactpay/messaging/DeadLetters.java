package io.exactpay.messaging;

import io.exactpay.infrastructure.logging.OutcomeLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

import java.util.Collections;

/**
 * Moves a message that cannot be processed to the dead-letter address, with the reason, in the
 * consumer's transaction: the original is consumed only if its dead-letter copy is stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeadLetters {

    public static final String ADDRESS = "exactpay.DLQ";
    public static final String REASON = "deadLetterReason";
    public static final String ORIGINAL_DESTINATION = "deadLetterOrigin";
    public static final String ORIGINAL_MESSAGE_ID = "deadLetterOriginalMessageId";
    public static final String DELIVERY_ATTEMPTS = "deadLetterDeliveryAttempts";
    /** The broker-authenticated user that sent the original, for support. */
    public static final String SENDER = "deadLetterSender";
    private static final int MAX_REASON = 1000;

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Inject
    private OutcomeLog outcomes;

    /** The innermost cause, as a dead letter's reason names it. */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /** The message's own properties (not the broker's and JMS's), onto a producer of a copy. */
    static void copyProperties(Message original, JMSProducer producer) throws JMSException {
        for (Object name : Collections.list(original.getPropertyNames())) {
            String key = (String) name;
            if (!key.startsWith("JMSX") && !key.startsWith("_AMQ")) {
                producer.setProperty(key, original.getObjectProperty(key));
            }
        }
    }

    public void send(Message original, String origin, String reason) throws JMSException {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            copyProperties(original, producer);
            producer.setProperty(REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                    .setProperty(ORIGINAL_DESTINATION, origin)
                    .setProperty(ORIGINAL_MESSAGE_ID, original.getJMSMessageID())
                    .setProperty(DELIVERY_ATTEMPTS, original.getIntProperty("JMSXDeliveryCount"))
                    .setJMSCorrelationID(original.getJMSCorrelationID());
            String sender = original.getStringProperty(CommandSender.VALIDATED_USER);
            if (sender != null) producer.setProperty(SENDER, sender);
            String body = original instanceof TextMessage text ? text.getText() : null;
            producer.send(context.createQueue(ADDRESS), body);
            outcomes.record("DEAD_LETTERED", "origin", origin, "sender", sender,
                    "orderId", original.getStringProperty("orderId"), "jmsMessageId", original.getJMSMessageID(),
                    "reason", reason);
        }
    }
}
