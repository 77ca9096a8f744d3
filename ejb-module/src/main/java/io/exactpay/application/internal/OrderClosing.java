package io.exactpay.application.internal;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.OrderView;
import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Closes an order's channel trades, and the order once none of them can be paid. Under the order's
 * row lock that the caller holds, in the caller's transaction: the close requests and the events
 * leave only if it commits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderClosing {

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private SettlementQueue queue;

    @Inject
    private ApplicationEvents events;

    @Inject
    private OrderJournal journal;

    @Inject
    private SettlementMetrics metrics;

    private List<PaymentAttempt> openAttempts(Order order) {
        return attempts.forOrder(order.id()).stream().filter(a -> a.status().isOpen()).toList();
    }

    /** Asks the close consumer to close each trade of the order that can still be paid. */
    public void closeOpenAttempts(Order order) {
        for (PaymentAttempt attempt : openAttempts(order)) queue.closeTrade(new CloseTrade(order.id(), attempt.id()));
    }

    /** A CLOSING order with no trade left open becomes CLOSED, and the outside world is told. */
    public void closeIfNoTradeOpen(Order order, String actor) {
        OrderStatus before = order.status();
        if (order.closeIfNoTradeOpen(attempts.forOrder(order.id()))) {
            journal.audit(order, before, actor, "ORDER_CLOSED", "no channel trade can be paid any more");
            events.orderClosed(OrderView.of(order));
            metrics.orderClosed();
        }
    }
}
