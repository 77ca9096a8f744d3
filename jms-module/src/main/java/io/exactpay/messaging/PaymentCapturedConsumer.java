package io.exactpay.messaging;

import io.exactpay.application.CapturedPayment;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.messaging.contract.MalformedMessageException;
import io.exactpay.messaging.contract.Settlement;
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

/**
 * Settles verified captures from the callback inbox, each in one XA transaction with its capture,
 * refund and event rows and messages. Failures roll back and are redelivered; on the last attempt
 * (and at once when malformed or for an unknown order) the message is dead-lettered with its reason.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Settlement.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJndi", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PaymentCapturedConsumer implements MessageListener {

    @Inject
    private PaymentCaptureHandler handler;

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
        CapturedPayment payment;
        try {
            payment = Settlement.parse(message instanceof TextMessage text ? text.getText() : null);
        } catch (MalformedMessageException e) {
            deadLetters.send(message, Settlement.QUEUE, "malformed: " + e.getMessage());
            return;
        }
        try {
            attempts.run(message, () -> handler.handle(payment), () -> handler.handleInOwnTransaction(payment),
                    reason -> deadLetters.send(message, Settlement.QUEUE, reason));
        } catch (OrderNotFoundException e) {
            deadLetters.send(message, Settlement.QUEUE, e.getMessage());
        }
    }
}
