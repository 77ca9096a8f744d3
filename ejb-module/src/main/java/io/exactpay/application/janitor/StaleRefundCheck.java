package io.exactpay.application.janitor;

import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelRefundState;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.internal.ChannelIntake;
import io.exactpay.application.internal.RefundBookkeeping;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
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
import java.util.List;
import java.util.UUID;

/**
 * Unsettled refunds without news, each checked in a transaction of its own: the channel is asked
 * with no lock held, and the answer is recorded under the order's lock, after re-reading the refund.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StaleRefundCheck {

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
    private RefundBookkeeping refundBook;

    @Inject
    private PaymentChannels channels;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> staleRefunds(Duration staleAfter, int limit) {
        return refunds.unsettledNotCheckedSince(clock.instant().minus(staleAfter), limit);
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
            if (answer.state() == ChannelRefundState.SUCCEEDED && answer.amount() != null
                    && answer.amount().minorUnits() == refund.amount().minorUnits()) {
                // A refund is in its trade's currency, which Alipay's answers do not repeat.
                ChannelAmount amount = new ChannelAmount(refund.amount().minorUnits(), refund.amount().currency());
                RefundSettled settled = new RefundSettled(capture.channel(), attempt.outTradeNo(), refund.outRefundNo(),
                        answer.channelRefundId(), amount, answer.settledAt());
                if (!intake.takeIn(settled)) {
                    // Taken in before, yet still unsettled: settle it again (idempotent per refund).
                    queue.refundSettled(new RefundNotice(refund.orderId(), refund.outRefundNo(),
                            answer.channelRefundId(), amount.minorUnits(), amount.currency(),
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
            refundBook.refundFailed(order, refund, "the channel says " + answer.channelState(), "janitor");
        } else if (answer.state() == ChannelRefundState.SUCCEEDED
                && (answer.amount() == null || answer.amount().minorUnits() != refund.amount().minorUnits())) {
            // Not the refund we asked for: a person must look (it shows with the failed refunds).
            refundBook.refundFailed(order, refund, "the channel reports a refund of " + answer.amount() + ", not "
                    + refund.amount(), "janitor");
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
