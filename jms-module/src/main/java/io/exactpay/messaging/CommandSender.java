package io.exactpay.messaging;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import java.util.Optional;

/**
 * Who sent a command: the user the broker authenticated and stamped on the message
 * ({@code populate-validated-user}, read as {@code JMSXUserID}), never a field of the body, so a
 * legacy system cannot act as another. It is the client id of the orders it places and reads.
 */
public record CommandSender(String clientId) {

    public static final String VALIDATED_USER = "JMSXUserID";

    /** Each legacy system's reply queue; the broker lets only that system read it (server-config broker.xml). */
    static final String REPLY_QUEUE_PREFIX = "exactpay.replies.";

    /** The sender of the message, or empty when the broker stamped none (security off, say). */
    public static Optional<CommandSender> of(Message message) throws JMSException {
        String user = message.getStringProperty(VALIDATED_USER);
        return user == null || user.isBlank() ? Optional.empty() : Optional.of(new CommandSender(user));
    }

    public String replyQueue() {
        return REPLY_QUEUE_PREFIX + clientId;
    }

    /**
     * A command is answered on the sender's own reply queue or not at all: ExactPay may send
     * anywhere, so a JMSReplyTo naming another destination (another system's replies, the events
     * address, an internal queue) would make it send there on the sender's behalf.
     */
    public boolean mayBeAnsweredAt(Destination replyTo) throws JMSException {
        return replyTo == null || replyTo instanceof Queue queue && replyQueue().equals(queue.getQueueName());
    }
}
