package io.exactpay.messaging;

import io.exactpay.application.CancellationService;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The cancel consumer: takes the order's lock and cancels it through the one cancel path
 * (PENDING -> CLOSING, with its trades queued for closing), in one XA transaction with the message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = SettlementWork.CANCELS),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class CancelOrderConsumer implements MessageListener {

    @Inject
    private SettlementDelivery delivery;

    @Inject
    private CancellationService cancellation;

    @Override
    public void onMessage(Message message) {
        delivery.consume(message, SettlementWork.CANCELS, SettlementWork::parseCancel, cancel -> {
            try {
                cancellation.cancel(cancel.orderId(), null, cancel.reason(), cancel.actor());
            } catch (IllegalTransitionException e) {
                throw new EJBException("cancel refused: " + e.getMessage(), e);
            }
        });
    }
}
