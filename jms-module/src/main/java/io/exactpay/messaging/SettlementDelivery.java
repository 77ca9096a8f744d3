package io.exactpay.messaging;

import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.messaging.contract.MalformedMessageException;
import io.exactpay.messaging.contract.RefusedWorkException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * The one rule for a settlement message (captures, cancels, closes, refunds), whatever its work:
 * read the body into its record, settle it in the consumer's XA transaction, and let a failure roll
 * back for the broker to redeliver. A malformed or refused message, or one for an unknown order,
 * is dead-lettered at once with its reason; the last attempt runs in a transaction of its own
 * ({@link DeliveryAttempts}) so that its failure is recorded ({@link GiveUp}) while the message is
 * consumed.
 */
@ApplicationScoped
public class SettlementDelivery {

    /** Reads a message body into its record. */
    @FunctionalInterface
    public interface Parser<W> {
        W parse(String body) throws MalformedMessageException;
    }

    /** The one service call that settles a record. */
    @FunctionalInterface
    public interface Settle<W> {
        void settle(W work) throws OrderNotFoundException;
    }

    /** What becomes of a record whose attempts are used up; by default its message is dead-lettered. */
    @FunctionalInterface
    public interface GiveUp<W> {
        void giveUp(W work, String reason) throws OrderNotFoundException, JMSException;
    }

    @Inject
    private DeadLetters deadLetters;

    @Inject
    private DeliveryAttempts attempts;

    @Inject
    private IsolatedTransaction isolated;

    /** Settles the message's work; on the last attempt its failure goes to the dead-letter address. */
    public <W> void consume(Message message, String queue, Parser<W> parser, Settle<W> settle) {
        consume(message, queue, parser, settle, (work, reason) -> deadLetters.send(message, queue, reason));
    }

    public <W> void consume(Message message, String queue, Parser<W> parser, Settle<W> settle, GiveUp<W> giveUp) {
        try {
            W work;
            try {
                work = parser.parse(message instanceof TextMessage text ? text.getText() : null);
            } catch (RefusedWorkException e) {
                deadLetters.send(message, queue, "refused: " + e.getMessage());
                return;
            } catch (MalformedMessageException e) {
                deadLetters.send(message, queue, "malformed: " + e.getMessage());
                return;
            }
            try {
                attempts.runOrLater(message,
                        () -> {
                            settle.settle(work);
                            return null;
                        },
                        () -> isolated.run(() -> settle.settle(work)),
                        reason -> {
                            try {
                                giveUp.giveUp(work, reason);
                            } catch (OrderNotFoundException e) {
                                deadLetters.send(message, queue, e.getMessage());
                            }
                        });
            } catch (OrderNotFoundException e) {
                deadLetters.send(message, queue, e.getMessage());
            }
        } catch (JMSException e) {
            throw new EJBException(e);
        }
    }
}
