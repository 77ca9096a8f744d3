package io.exactpay.messaging;

import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.messaging.contract.Settlement;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Queues verified channel events for settlement through the XA pool, in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JmsSettlementQueue implements SettlementQueue {

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Override
    public void paymentCaptured(UUID orderId, UUID attemptId, Channel channel, String outTradeNo,
                                String transactionId, long amountMinor, String currency, String paidAt) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setProperty("JMSXGroupID", orderId.toString())
                    .setProperty("type", "PaymentCaptured")
                    .setProperty("orderId", orderId.toString())
                    .send(context.createQueue(Settlement.QUEUE), Settlement.paymentCaptured(orderId, attemptId,
                            channel.name(), outTradeNo, transactionId, amountMinor, currency, paidAt));
        }
    }
}
