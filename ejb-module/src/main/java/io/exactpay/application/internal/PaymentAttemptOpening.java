package io.exactpay.application.internal;

import io.exactpay.application.AttemptView;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderNotPayableException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.infrastructure.logging.OutcomeLog;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/** The steps of opening a payment attempt that each commit on their own, around the channel call. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaymentAttemptOpening {

    @Inject
    private OrderRepository orders;

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private SettlementQueue queue;

    @Inject
    private Clock clock;

    @Inject
    private OutcomeLog outcomes;

    /** Under the order's lock: the order may take a payment, and the attempt is written down. */
    public AttemptView writeDown(String clientId, UUID orderId, Channel channel)
            throws OrderNotFoundException, OrderNotPayableException {
        Order order = orders.findForUpdate(orderId);
        if (!order.clientId().equals(clientId)) throw new OrderNotFoundException(orderId);
        order.checkPayable(clock.instant());
        PaymentAttempt attempt = PaymentAttempt.open(order.id(), channel, order.amount(), clock.instant());
        attempts.add(attempt);
        return AttemptView.of(attempt);
    }

    /**
     * Under the order's lock: the trade is open. If the order was cancelled or paid meanwhile, the
     * trade must not stay payable: it is queued for closing with this commit.
     */
    public AttemptView opened(UUID attemptId, String qrCode) throws OrderNotFoundException {
        PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
        Order order = orders.findForUpdate(attempt.orderId());
        attempt.opened(qrCode, clock.instant());
        if (order.status() != OrderStatus.PENDING) queue.closeTrade(new CloseTrade(order.id(), attempt.id()));
        outcomes.record("PAYMENT_STARTED", "orderId", order.id(), "attemptId", attempt.id(),
                "channel", attempt.channel(), "outTradeNo", attempt.outTradeNo());
        return AttemptView.of(attempt);
    }

    public AttemptView rejected(UUID attemptId, String reason) {
        PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
        attempt.rejected(reason, clock.instant());
        outcomes.record("PAYMENT_REJECTED", "orderId", attempt.orderId(), "attemptId", attempt.id(),
                "channel", attempt.channel(), "outTradeNo", attempt.outTradeNo(), "reason", reason);
        return AttemptView.of(attempt);
    }
}
