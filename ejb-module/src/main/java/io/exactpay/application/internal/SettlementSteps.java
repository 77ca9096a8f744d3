package io.exactpay.application.internal;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.OrderView;
import io.exactpay.application.RefundView;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.domain.model.refund.RefundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The steps the settlement services share, each taken under the order's row lock that the caller
 * already holds, in the caller's transaction: they change rows, write the journal, and queue the
 * follow-up work and events, which leave only if the transaction commits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SettlementSteps {

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private CaptureRepository captures;

    @Inject
    private RefundRepository refunds;

    @Inject
    private SettlementQueue queue;

    @Inject
    private ApplicationEvents events;

    @Inject
    private OrderJournal journal;

    @Inject
    private SettlementMetrics metrics;

    @Inject
    private Clock clock;

    public List<PaymentAttempt> openAttempts(Order order) {
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

    /** The whole capture goes back to the payer: recorded REQUESTED now, submitted by the refund consumer. */
    public Refund requestRefund(Order order, Capture capture, RefundReason reason, String actor) {
        Refund refund = Refund.of(capture, reason, clock.instant());
        refunds.add(refund);
        queue.submitRefund(new SubmitRefund(order.id(), refund.id()));
        metrics.refund(reason, RefundStatus.REQUESTED);
        journal.audit(order, order.status(), actor, "REFUND_REQUESTED",
                reason + " " + refund.outRefundNo() + " of " + refund.amount() + " on " + capture.channel());
        return refund;
    }

    /** The channel says the money is back: posted to the ledger once; a refunded order's payment ends it. */
    public void refundSucceeded(Order order, Refund refund, String channelRefundId, String actor) {
        if (!refund.succeeded(channelRefundId, clock.instant())) return;
        Capture capture = captures.find(refund.captureId()).orElseThrow();
        journal.postRefund(refund, capture.channel());
        journal.audit(order, order.status(), actor, "REFUND_SUCCEEDED", refund.outRefundNo()
                + (channelRefundId == null ? "" : " channel refund " + channelRefundId));
        metrics.refund(refund.reason(), RefundStatus.SUCCEEDED);
        RefundView view = RefundView.of(refund);
        events.refundSucceeded(OrderView.of(order), view);
        OrderStatus before = order.status();
        if (order.refundSucceeded(refund.reason())) {
            journal.audit(order, before, actor, "ORDER_REFUNDED", refund.outRefundNo());
            events.orderRefunded(OrderView.of(order), view);
            metrics.orderRefunded();
        }
    }

    /** True when this call marked the refund FAILED: a person must act. */
    public boolean refundFailed(Order order, Refund refund, String why, String actor) {
        if (!refund.failed(why, clock.instant())) return false;
        journal.audit(order, order.status(), actor, "REFUND_FAILED", refund.outRefundNo() + ": " + why);
        events.refundFailed(OrderView.of(order), RefundView.of(refund));
        metrics.refund(refund.reason(), RefundStatus.FAILED);
        return true;
    }
}
