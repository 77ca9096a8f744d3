package io.exactpay.messaging;

import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.messaging.contract.Settlement;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Queues settlement work through the XA pool, in the caller's transaction. Each message carries
 * JMSXGroupID = its order, so one consumer at a time sees one order's work, in order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JmsSettlementQueue implements SettlementQueue {

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Override
    public void paymentCaptured(UUID orderId, UUID attemptId, Channel channel, String outTradeNo,
                                String transactionId, long amountMinor, String currency, String paidAt,
                                Instant acceptedAt) {
        send(Settlement.QUEUE, orderId, "PaymentCaptured", Settlement.paymentCaptured(orderId, attemptId,
                channel.name(), outTradeNo, transactionId, amountMinor, currency, paidAt, acceptedAt));
    }

    @Override
    public void cancelOrder(UUID orderId, CancelReason reason, String actor) {
        send(SettlementWork.CANCELS, orderId, "CancelOrder", SettlementWork.cancelOrder(orderId, reason, actor));
    }

    @Override
    public void closeAttempt(UUID orderId, UUID attemptId) {
        send(SettlementWork.CLOSES, orderId, "CloseTrade", SettlementWork.closeTrade(orderId, attemptId));
    }

    @Override
    public void submitRefund(UUID orderId, UUID refundId) {
        send(SettlementWork.REFUNDS, orderId, "SubmitRefund", SettlementWork.submitRefund(orderId, refundId));
    }

    @Override
    public void refundSettled(UUID orderId, String outRefundNo, String channelRefundId, long amountMinor,
                              String currency, String settledAt, Instant acceptedAt) {
        send(SettlementWork.REFUNDS, orderId, "RefundSettled", SettlementWork.refundSettled(orderId, outRefundNo,
                channelRefundId, amountMinor, currency, settledAt, acceptedAt));
    }

    private void send(String queue, UUID orderId, String type, String body) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setProperty("JMSXGroupID", orderId.toString())
                    .setProperty("type", type)
                    .setProperty("orderId", orderId.toString())
                    .send(context.createQueue(queue), body);
        }
    }
}
