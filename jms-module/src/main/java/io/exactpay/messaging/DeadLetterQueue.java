package io.exactpay.messaging;

import io.exactpay.application.support.StaffActions;
import io.exactpay.messaging.contract.Settlement;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Support's hands on {@value DeadLetters#ADDRESS}: list what is there and why; an admin replays a
 * message onto the queue it came from, or discards it. Each replay or discard takes the message off
 * the dead-letter queue, sends its copy (replay) and writes the staff audit line in one XA
 * transaction: all of it happens, or none.
 *
 * <p>Only ExactPay's own settlement work is replayed. A replayed message is sent by ExactPay's own
 * broker user, so a legacy system's command replayed that way would lose its sender; its sender
 * sends it again instead (its messageId keeps that exactly once). Replaying settlement work is
 * safe: settlement still takes money in only on the channel's word in the callback inbox.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DeadLetterQueue {

    /** The queues whose dead letters may go back: ExactPay's own settlement work. */
    public static final Set<String> REPLAYABLE = Set.of(Settlement.QUEUE, SettlementWork.CANCELS,
            SettlementWork.CLOSES, SettlementWork.REFUNDS);

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class.getName());
    private static final int MAX_BODY = 4000;
    /** The broker's own dead-letter move names the original address here. */
    private static final String BROKER_ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,100}");

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Inject
    private StaffActions staffActions;

    /** Not found on the dead-letter queue (gone, or never there). */
    @ApplicationException(rollback = true)
    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String id) {
            super("No dead letter " + id);
        }
    }

    /** A dead letter that may not be replayed, with why; it stays where it is. */
    @ApplicationException(rollback = true)
    public static class ReplayRefusedException extends RuntimeException {
        public ReplayRefusedException(String why) {
            super(why);
        }
    }

    /** Oldest first, at most {@code limit}; browsed, nothing taken off. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<DeadLetterView> list(int limit) {
        List<DeadLetterView> letters = new ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(DeadLetters.ADDRESS))) {
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && letters.size() < limit; ) {
                letters.add(view((Message) e.nextElement()));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return letters;
    }

    /** Sends the dead letter back to the queue it came from, as new work, and takes it off. */
    public DeadLetterView replay(String jmsMessageId, String actor) {
        try (JMSContext context = connectionFactory.createContext()) {
            // Looked at before it is taken: a refused replay must not touch the message (a rolled-back
            // receive would hold it back for the redelivery delay and count a delivery attempt).
            DeadLetterView letter = view(peek(context, jmsMessageId));
            if (!letter.replayable()) {
                throw new ReplayRefusedException(letter.origin() == null ? "the dead letter names no queue it came from"
                        : "dead letters from " + letter.origin() + " are not replayed: only ExactPay's settlement work"
                        + " (" + String.join(", ", REPLAYABLE.stream().sorted().toList()) + ") is; a legacy system"
                        + " sends its command again itself");
            }
            Message message = take(context, jmsMessageId);
            JMSProducer producer = context.createProducer();
            for (Object name : Collections.list(message.getPropertyNames())) {
                String key = (String) name;
                if (!key.startsWith("JMSX") && !key.startsWith("_AMQ") && !key.startsWith("deadLetter")
                        && !key.equals(LaterDelivery.DEFERRALS)) {
                    producer.setProperty(key, message.getObjectProperty(key));
                }
            }
            if (letter.orderId() != null) producer.setProperty("JMSXGroupID", letter.orderId());
            producer.send(context.createQueue(letter.origin()), message instanceof TextMessage text ? text.getText() : null);
            staffActions.record(actor, "DEAD_LETTER_REPLAYED", jmsMessageId, orderId(letter),
                    letter.type() + " back to " + letter.origin() + "; was dead-lettered: " + letter.reason());
            LOG.info(() -> "dead letter " + jmsMessageId + " replayed to " + letter.origin() + " by " + actor);
            return letter;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Takes the dead letter off for good; the audit line keeps what it was and why it was there. */
    public DeadLetterView discard(String jmsMessageId, String actor) {
        try (JMSContext context = connectionFactory.createContext()) {
            DeadLetterView letter = view(take(context, jmsMessageId));
            staffActions.record(actor, "DEAD_LETTER_DISCARDED", jmsMessageId, orderId(letter),
                    letter.type() + " from " + letter.origin() + "; was dead-lettered: " + letter.reason());
            LOG.info(() -> "dead letter " + jmsMessageId + " from " + letter.origin() + " discarded by " + actor);
            return letter;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** The one message, browsed. */
    private Message peek(JMSContext context, String jmsMessageId) throws JMSException {
        try (QueueBrowser browser = context.createBrowser(context.createQueue(DeadLetters.ADDRESS), selector(jmsMessageId))) {
            Enumeration<?> found = browser.getEnumeration();
            if (!found.hasMoreElements()) throw new NotFoundException(jmsMessageId);
            return (Message) found.nextElement();
        }
    }

    /** Consumes the one message in this transaction: it is gone only if the transaction commits. */
    private Message take(JMSContext context, String jmsMessageId) {
        Queue queue = context.createQueue(DeadLetters.ADDRESS);
        try (JMSConsumer consumer = context.createConsumer(queue, selector(jmsMessageId))) {
            Message message = consumer.receive(2_000);
            if (message == null) throw new NotFoundException(jmsMessageId);
            return message;
        }
    }

    /** The id goes into a selector: only the broker's own id format is let through. */
    private static String selector(String jmsMessageId) {
        if (jmsMessageId == null || !MESSAGE_ID.matcher(jmsMessageId).matches()) throw new NotFoundException(jmsMessageId);
        return "JMSMessageID = '" + jmsMessageId + "'";
    }

    private static DeadLetterView view(Message m) throws JMSException {
        String origin = Optional.ofNullable(m.getStringProperty(DeadLetters.ORIGINAL_DESTINATION))
                .orElse(m.getStringProperty(BROKER_ORIGINAL_ADDRESS));
        String reason = Optional.ofNullable(m.getStringProperty(DeadLetters.REASON))
                .orElse("the broker's delivery attempts were used up");
        Integer attempts = m.propertyExists(DeadLetters.DELIVERY_ATTEMPTS) ? m.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS)
                : null;
        String body = m instanceof TextMessage text ? text.getText() : null;
        if (body != null && body.length() > MAX_BODY) body = body.substring(0, MAX_BODY);
        return new DeadLetterView(m.getJMSMessageID(), origin, reason, attempts,
                m.getStringProperty(DeadLetters.SENDER), m.getStringProperty("type"), m.getStringProperty("orderId"),
                m.getJMSTimestamp() == 0 ? null : Instant.ofEpochMilli(m.getJMSTimestamp()), body,
                origin != null && REPLAYABLE.contains(origin));
    }

    private static UUID orderId(DeadLetterView letter) {
        try {
            return letter.orderId() == null ? null : UUID.fromString(letter.orderId());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
