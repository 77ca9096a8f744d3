package io.exactpay.messaging;

import io.exactpay.application.CancellationService;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The close consumer: asks the channel to close one trade with no lock held, then records the
 * answer under the order's lock; a payer who paid first is settled as a LATE or DUPLICATE capture.
 * No answer from the channel rolls back, and the close is redelivered with back-off.
 */
@MessageDriven(activationConfig =
        @ActivationConfigProperty(propertyName = "destination", propertyValue = SettlementWork.CLOSES))
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TradeCloseConsumer implements MessageListener {

    @Inject
    private SettlementDelivery delivery;

    @Inject
    private CancellationService cancellation;

    @Override
    public void onMessage(Message message) {
        delivery.consume(message, SettlementWork.CLOSES, SettlementWork::parseClose,
                close -> cancellation.closeTrade(close.attemptId()));
    }
}
