package io.exactpay.application.internal;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.OrderView;
import io.exactpay.application.RefundView;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.domain.model.refund.RefundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Writes down a refund's life: requested, then succeeded or failed as its channel says, with the
 * ledger, the audit trail, the events and the metrics that go with each. Under the order's row lock
 * that the caller holds, in the caller's transaction: the submit request and the events leave only
 * if it commits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RefundBookkeeping {

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

    /** The order's own payment goes back to the payer in full (a refunding cancel, or support's refund by hand). */
    public Refund refundPayment(Order order, RefundReason reason, String actor) {
        Capture primary = captures.primaryOf(order.id()).orElseThrow();
        Refund refund = requestRefund(order, primary, reason, actor);
        events.orderRefunding(OrderView.of(order), RefundView.of(refund));
        return refund;
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
