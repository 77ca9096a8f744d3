package io.exactpay.application.janitor;

import io.exactpay.application.CancelOrder;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.ChannelRefundState;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.PaymentStatus;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.internal.ChannelIntake;
import io.exactpay.application.internal.OrderJournal;
import io.exactpay.application.internal.SettlementSteps;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.domain.model.refund.RefundStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The janitor's steps, each in a transaction of its own. Channel questions are asked with no lock
 * held; the answer is recorded under the order's lock, after re-reading what is still pending.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JanitorSteps {

    @Inject
    private OrderRepository orders;

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private CaptureRepository captures;

    @Inject
    private RefundRepository refunds;

    @Inject
    private SettlementQueue queue;

    @Inject
    private ChannelIntake intake;

    @Inject
    private SettlementSteps settlement;

    @Inject
    private OrderJournal journal;

    @Inject
    private PaymentChannels channels;

    @Inject
    private Clock clock;

    /** Queues a cancel for each PENDING order past its expiry; the cancel consumer re-checks under the lock. */
    public int expireDueOrders(int limit) {
        List<UUID> due = orders.pendingExpiredBy(clock.instant(), limit);
        for (UUID orderId : due) queue.cancelOrder(new CancelOrder(orderId, CancelReason.EXPIRED, "expiry-timer"));
        return due.size();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> staleAttempts(Duration staleAfter, int limit) {
        return attempts.openNotCheckedSince(clock.instant().minus(staleAfter), limit);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> staleRefunds(Duration staleAfter, int limit) {
        return refunds.unsettledNotCheckedSince(clock.instant().minus(staleAfter), limit);
    }

    /**
     * An open attempt without news: on an order that no longer takes payments it is closed again
     * (the close consumer settles a payer who won the race); otherwise the channel is asked, and a
     * payment whose callback never came is taken in like one.
     */
    public void checkAttempt(UUID attemptId) {
        PaymentAttempt attempt = attempts.find(attemptId).orElse(null);
        if (attempt == null || !attempt.status().isOpen()) return;
        Order snapshot = orders.find(attempt.orderId()).orElseThrow();
        PaymentStatus status = null;
        if (snapshot.status() == OrderStatus.PENDING) {
            status = channel(attempt).queryPayment(attempt.outTradeNo());
            if (status.state().captured()) {
                PaymentCaptured captured = new PaymentCaptured(attempt.channel(), attempt.outTradeNo(),
                        status.transactionId(), status.amount(), status.paidAt());
                if (!intake.takeIn(captured)) {
                    // Taken in before, yet the attempt is still open: its settlement never committed
                    // (dead-lettered, say). Settling is idempotent per attempt, so queue it again.
                    queue.paymentCaptured(new CapturedPayment(attempt.orderId(), attempt.id(), attempt.channel(),
                            attempt.outTradeNo(), status.transactionId(), status.amount().minorUnits(),
                            status.amount().currency(), status.paidAt(), clock.instant()));
                }
            }
        }
        Order order = lock(attempt.orderId());
        attempts.refresh(attempt);
        if (!attempt.status().isOpen()) return;
        attempt.checked(clock.instant());
        if (order.status() != OrderStatus.PENDING) {
            queue.closeTrade(new CloseTrade(order.id(), attempt.id()));
        } else if (status != null && attempt.closeOnQuery(
                status.state() == ChannelPaymentState.CLOSED || status.state() == ChannelPaymentState.FAILED,
                status.state() == ChannelPaymentState.NOT_FOUND, clock.instant())) {
            // The channel closed it (its own expiry) or never got it: nobody can pay it any more.
            journal.audit(order, order.status(), "janitor", "TRADE_CLOSED", attempt.outTradeNo() + " " + status.channelState());
        }
    }

    /**
     * An unsettled refund without news: a REQUESTED one is sent again (the channel deduplicates by
     * out_refund_no); for a SUBMITTED one the channel is asked, and its success is taken in like
     * its callback.
     */
    public void checkRefund(UUID refundId) {
        Refund refund = refunds.find(refundId).orElse(null);
        if (refund == null || !refund.status().isUnsettled()) return;
        Capture capture = captures.find(refund.captureId()).orElseThrow();
        PaymentAttempt attempt = attempts.find(capture.attemptId()).orElseThrow();
        io.exactpay.application.channel.RefundStatus answer = null;
        if (refund.status() == RefundStatus.SUBMITTED) {
            answer = channel(attempt).queryRefund(attempt.outTradeNo(), refund.outRefundNo());
            if (answer.state() == ChannelRefundState.SUCCEEDED) {
                RefundSettled settled = new RefundSettled(capture.channel(), attempt.outTradeNo(), refund.outRefundNo(),
                        answer.channelRefundId(), answer.amount(), answer.settledAt());
                if (!intake.takeIn(settled)) {
                    // Taken in before, yet still unsettled: settle it again (idempotent per refund).
                    queue.refundSettled(new RefundNotice(refund.orderId(), refund.outRefundNo(),
                            answer.channelRefundId(), answer.amount().minorUnits(), answer.amount().currency(),
                            answer.settledAt(), clock.instant()));
                }
            }
        }
        Order order = lock(refund.orderId());
        refunds.refresh(refund);
        if (!refund.status().isUnsettled()) return;
        refund.checked(clock.instant());
        if (answer == null || answer.state() == ChannelRefundState.NOT_FOUND) {
            queue.submitRefund(new SubmitRefund(order.id(), refund.id()));
        } else if (answer.state() == ChannelRefundState.FAILED) {
            settlement.refundFailed(order, refund, "the channel says " + answer.channelState(), "janitor");
        }
    }

    private PaymentChannel channel(PaymentAttempt attempt) {
        return channels.get(attempt.channel()).orElseThrow(() ->
                new IllegalStateException(attempt.channel() + " is not configured on this server"));
    }

    private Order lock(UUID orderId) {
        try {
            return orders.findForUpdate(orderId);
        } catch (OrderNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
