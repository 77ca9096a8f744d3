package io.exactpay.messaging;

import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.messaging.contract.MalformedMessageException;
import io.exactpay.messaging.contract.OrderCommand;
import io.exactpay.messaging.contract.Replies;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.Optional;

/**
 * Consumes order commands from legacy systems, each in one XA transaction with the database
 * changes and the reply. The sender is the broker-authenticated user, and a reply goes only to its
 * own reply queue. A failure rolls everything back and the broker redelivers with back-off; on the
 * last attempt a failure, and at once a malformed message, an unknown order to change, a message
 * without an authenticated sender or one naming another reply destination, goes to the
 * dead-letter address with the reason.
 */
@MessageDriven(activationConfig =
        @ActivationConfigProperty(propertyName = "destination", propertyValue = OrderCommand.QUEUE))
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class OrderCommandConsumer implements MessageListener {

    @Inject
    private OrderCommandHandler handler;

    @Inject
    private CommandReplies replies;

    @Inject
    private DeadLetters deadLetters;

    @Inject
    private DeliveryAttempts attempts;

    @Override
    public void onMessage(Message message) {
        try {
            receive(message);
        } catch (JMSException e) {
            throw new EJBException(e);
        }
    }

    private void receive(Message message) throws JMSException {
        Optional<CommandSender> sender = CommandSender.of(message);
        if (sender.isEmpty()) {
            // Not answered: without a sender there is no reply queue it may name.
            deadLetters.send(message, OrderCommand.QUEUE, "no authenticated sender: the broker must populate "
                    + CommandSender.VALIDATED_USER + " (populate-validated-user)");
            return;
        }
        if (!sender.get().mayBeAnsweredAt(message.getJMSReplyTo())) {
            deadLetters.send(message, OrderCommand.QUEUE, "JMSReplyTo " + message.getJMSReplyTo()
                    + " is not the sender's reply queue " + sender.get().replyQueue());
            return;
        }
        OrderCommand command;
        try {
            command = OrderCommand.parse(message instanceof TextMessage text ? text.getText() : null);
        } catch (MalformedMessageException e) {
            reject(message, "malformed: " + e.getMessage());
            return;
        }
        int attempt = DeliveryAttempts.attempt(message);
        try {
            String clientId = sender.get().clientId();
            Optional<String> reply = attempts.run(message, () -> handler.handle(clientId, command, attempt),
                    () -> handler.handleInOwnTransaction(clientId, command, attempt), reason -> reject(message, reason));
            if (reply.isPresent()) replies.reply(message, reply.get());
        } catch (OrderNotFoundException e) {
            reject(message, e.getMessage());
        }
    }

    private void reject(Message message, String reason) throws JMSException {
        deadLetters.send(message, OrderCommand.QUEUE, reason);
        replies.reply(message, Replies.rejected(reason));
    }
}
