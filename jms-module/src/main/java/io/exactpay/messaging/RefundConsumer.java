package io.exactpay.messaging;

import io.exactpay.application.RefundService;
import io.exactpay.messaging.contract.SettlementWork;
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
 * The refund consumer: submits refunds to their channel (idempotent by out_refund_no) and records
 * what the channel says, and settles refunds the channel reports as succeeded. A channel that does
 * not answer rolls back and the broker redelivers with back-off; when the attempts are used up the
 * refund is FAILED, which raises the alert and waits for a person.
 */
@MessageDriven(activationConfig =
        @ActivationConfigProperty(propertyName = "destination", propertyValue = SettlementWork.REFUNDS))
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RefundConsumer implements MessageListener {

    @Inject
    private SettlementDelivery delivery;

    @Inject
    private RefundService refunds;

    @Override
    public void onMessage(Message message) {
        // Two kinds of work share the queue (and so one order's message group), told apart by the
        // type the body gives; anything that is not a RefundSettled is read as a SubmitRefund, whose
        // parser dead-letters it with the reason when it is not one either.
        String body;
        try {
            body = message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            throw new EJBException(e);
        }
        if ("RefundSettled".equals(SettlementWork.typeOf(body))) {
            delivery.consume(message, SettlementWork.REFUNDS, SettlementWork::parseRefundSettled, refunds::settled);
        } else {
            delivery.consume(message, SettlementWork.REFUNDS, SettlementWork::parseSubmitRefund,
                    submit -> refunds.submit(submit.refundId()),
                    (submit, reason) -> refunds.giveUp(submit.refundId(), reason));
        }
    }
}
