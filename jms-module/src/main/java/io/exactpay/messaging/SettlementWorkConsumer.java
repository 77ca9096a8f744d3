package io.exactpay.messaging;

import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.messaging.contract.MalformedMessageException;
import io.exactpay.messaging.contract.RefusedWorkException;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * What the settlement consumers (captures, cancels, closes, refunds) share: a malformed message or an unknown order is
 * dead-lettered at once with the reason; any other failure rolls back for the broker to redeliver,
 * and on the last attempt the failure is recorded (a refund becomes FAILED; other work is
 * dead-lettered with the reason).
 */
abstract class SettlementWorkConsumer {

    /** Reads a message body into its piece of work. */
    @FunctionalInterface
    interface Parser {
        Object parse(String body) throws MalformedMessageException;
    }

    @Inject
    private SettlementWorkHandler handler;

    @Inject
    private DeadLetters deadLetters;

    @Inject
    private DeliveryAttempts attempts;

    void consume(Message message, String queue, Parser parser) {
        try {
            Object work;
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
                attempts.runOrLater(message, () -> handler.handle(work), () -> handler.handleInOwnTransaction(work),
                        reason -> {
                            if (work instanceof SettlementWork.SubmitRefund submit) {
                                giveUp(message, queue, submit, reason);
                            } else {
                                deadLetters.send(message, queue, reason);
                            }
                        });
            } catch (OrderNotFoundException e) {
                deadLetters.send(message, queue, e.getMessage());
            }
        } catch (JMSException e) {
            throw new EJBException(e);
        }
    }

    private void giveUp(Message message, String queue, SettlementWork.SubmitRefund submit, String reason)
            throws JMSException {
        try {
            handler.giveUpRefund(submit, reason);
        } catch (OrderNotFoundException e) {
            deadLetters.send(message, queue, e.getMessage());
        }
    }
}
