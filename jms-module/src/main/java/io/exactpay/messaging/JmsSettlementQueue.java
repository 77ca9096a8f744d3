package io.exactpay.messaging;

import io.exactpay.application.CancelOrder;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.messaging.contract.Settlement;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.transaction.Transactional;

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
    public void paymentCaptured(CapturedPayment capture) {
        send(Settlement.QUEUE, capture.orderId(), "PaymentCaptured", Settlement.write(capture));
    }

    @Override
    public void cancelOrder(CancelOrder cancel) {
        send(SettlementWork.CANCELS, cancel.orderId(), "CancelOrder", SettlementWork.write(cancel));
    }

    @Override
    public void closeTrade(CloseTrade close) {
        send(SettlementWork.CLOSES, close.orderId(), "CloseTrade", SettlementWork.write(close));
    }

    @Override
    public void submitRefund(SubmitRefund submit) {
        send(SettlementWork.REFUNDS, submit.orderId(), "SubmitRefund", SettlementWork.write(submit));
    }

    @Override
    public void refundSettled(RefundNotice notice) {
        send(SettlementWork.REFUNDS, notice.orderId(), "RefundSettled", SettlementWork.write(notice));
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
