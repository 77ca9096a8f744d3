package io.exactpay.messaging;

import io.exactpay.messaging.contract.SettlementWork;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The refund consumer: submits refunds to their channel (idempotent by out_refund_no) and records
 * what the channel says, and settles refunds the channel reports as succeeded. A channel that does
 * not answer rolls back and the broker redelivers with back-off; when the attempts are used up the
 * refund is FAILED, which raises the alert and waits for a person.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = SettlementWork.REFUNDS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJndi", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RefundConsumer extends SettlementWorkConsumer implements MessageListener {

    @Override
    public void onMessage(Message message) {
        consume(message, SettlementWork.REFUNDS, SettlementWork::parseRefundWork);
    }
}
