package io.exactpay.messaging;

import io.exactpay.application.SettlementService;
import io.exactpay.messaging.contract.Settlement;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Settles verified captures from the callback inbox, each in one XA transaction with its capture,
 * refund and event rows and messages. Failures roll back and are redelivered; on the last attempt
 * (and at once when malformed or for an unknown order) the message is dead-lettered with its reason.
 */
@MessageDriven(activationConfig =
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Settlement.QUEUE))
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PaymentCapturedConsumer implements MessageListener {

    @Inject
    private SettlementDelivery delivery;

    @Inject
    private SettlementService settlement;

    @Override
    public void onMessage(Message message) {
        delivery.consume(message, Settlement.QUEUE, Settlement::parse, settlement::settleCapture);
    }
}
