package io.exactpay.application.internal;

import io.exactpay.application.OrderView;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.RefundService;
import io.exactpay.application.RefundView;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.application.UnvouchedSettlementException;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelOutcomeUnknownException;
import io.exactpay.application.channel.ChannelRefundState;
import io.exactpay.application.channel.ChannelRejectedException;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.RefundOrder;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.domain.model.inbox.CallbackInbox;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundNotFoundException;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.domain.model.refund.RefundStatus;
import io.exactpay.domain.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DefaultRefundService implements RefundService {

    @Inject
    private OrderRepository orders;

    @Inject
    private RefundBookkeeping refundBook;

    @Inject
    private OrderJournal journal;

    @Inject
    private SettlementMetrics metrics;

    @Inject
    private SettlementQueue queue;

    @Inject
    private PaymentChannels channels;

    @Inject
    private CallbackInbox inbox;

    @Inject
    private ChannelIntake intake;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "exactpay.callback-base-url")
    private String callbackBaseUrl;

    @Inject
    private RefundRepository refunds;

    @Inject
    private CaptureRepository captures;

    @Inject
    private PaymentAttemptRepository attempts;

    @Override
    public void submit(UUID refundId) throws OrderNotFoundException {
        Refund refund = refunds.find(refundId).orElse(null);
        if (refund == null) throw new IllegalArgumentException("no refund " + refundId);
        if (!refund.status().isUnsettled()) return;
        Capture capture = captures.find(refund.captureId()).orElseThrow();
        PaymentAttempt attempt = attempts.find(capture.attemptId()).orElseThrow();
        PaymentChannel channel = channels.get(capture.channel()).orElseThrow(() ->
                new IllegalStateException(capture.channel() + " is not configured on this server"));

        // No lock is held during the call; the channel deduplicates by out_refund_no, so a
        // redelivered request is safe. No answer throws ChannelOutcomeUnknownException: rolled back, retried.
        io.exactpay.application.channel.RefundStatus answer;
        String refusal = null;
        try {
            answer = channel.refund(new RefundOrder(attempt.outTradeNo(), refund.outRefundNo(),
                    new ChannelAmount(refund.amount().minorUnits(), refund.amount().currency()),
                    // The trade's total is what the channel captured (a mismatched capture is not the attempt's amount).
                    new ChannelAmount(capture.amount().minorUnits(), capture.amount().currency()),
                    refund.reason().name(), notifyUrl(capture.channel())));
        } catch (ChannelRejectedException e) {
            answer = null;
            refusal = "refused by " + e.channel() + ": " + e.code() + " " + e.getMessage();
        }

        // The channel's answer that the money is back is its word like its notice: into the inbox
        // (before the order's lock, as every intake), then settled by the refund-settled consumer,
        // which moves money only on what the inbox holds. An answer of another amount is not ours.
        boolean succeededAsAsked = answer != null && answer.state() == ChannelRefundState.SUCCEEDED
                && answer.amount() != null && answer.amount().minorUnits() == refund.amount().minorUnits();
        if (succeededAsAsked) {
            // A refund is in its trade's currency, which Alipay's answers do not repeat.
            ChannelAmount amount = new ChannelAmount(refund.amount().minorUnits(), refund.amount().currency());
            if (!intake.takeIn(new RefundSettled(capture.channel(), attempt.outTradeNo(), refund.outRefundNo(),
                    answer.channelRefundId(), amount, answer.settledAt()))) {
                // Taken in before, yet still unsettled: settle it again (idempotent per refund).
                queue.refundSettled(new RefundNotice(refund.orderId(), refund.outRefundNo(), answer.channelRefundId(),
                        amount.minorUnits(), amount.currency(), answer.settledAt(), clock.instant()));
            }
        }

        Order order = orders.findForUpdate(refund.orderId());
        refunds.refresh(refund);
        if (!refund.status().isUnsettled()) return;
        String actor = "channel:" + capture.channel();
        if (refusal != null) {
            refundBook.refundFailed(order, refund, refusal, actor);
            return;
        }
        switch (answer.state()) {
            case PROCESSING -> submitted(order, refund, answer.channelRefundId(), actor);
            // Settled from the inbox by the refund-settled consumer, queued above.
            case SUCCEEDED -> {
                if (succeededAsAsked) submitted(order, refund, answer.channelRefundId(), actor);
                else refundBook.refundFailed(order, refund, "the channel reports a refund of " + answer.amount()
                        + ", not " + refund.amount(), actor);
            }
            case FAILED -> refundBook.refundFailed(order, refund, "the channel says " + answer.channelState(), actor);
            case NOT_FOUND -> throw new ChannelOutcomeUnknownException(capture.channel(),
                    "refund " + refund.outRefundNo() + " was sent but the channel does not know it", null);
        }
    }

    private void submitted(Order order, Refund refund, String channelRefundId, String actor) {
        boolean first = refund.status() == RefundStatus.REQUESTED;
        refund.submitted(channelRefundId, clock.instant());
        if (first) {
            journal.audit(order, order.status(), actor, "REFUND_SUBMITTED", refund.outRefundNo());
            metrics.refund(refund.reason(), RefundStatus.SUBMITTED);
        }
    }

    @Override
    public void settled(RefundNotice notice) throws OrderNotFoundException {
        Order order = orders.findForUpdate(notice.orderId());
        Refund refund = refunds.findByOutRefundNo(notice.outRefundNo()).orElseThrow();
        refunds.refresh(refund);
        if (!refund.orderId().equals(order.id())) {
            throw new IllegalArgumentException("refund " + refund.outRefundNo() + " is not one of order " + order.id());
        }
        Capture capture = captures.find(refund.captureId()).orElseThrow();
        PaymentAttempt attempt = attempts.find(capture.attemptId()).orElseThrow();
        // Only the channel's word settles a refund, or fails it: its verified notice or our recorded
        // query of it, for the amount the notice names. Checked first, so that a message nobody
        // vouches for changes nothing, whatever amount it names.
        Money settledAs = Money.of(notice.amountMinor(), notice.currency());
        boolean otherChannelRefund = refund.channelRefundId() != null && notice.channelRefundId() != null
                && !refund.channelRefundId().equals(notice.channelRefundId());
        if (otherChannelRefund || !inbox.holdsRefundSuccess(capture.channel(), attempt.outTradeNo(),
                refund.outRefundNo(), notice.channelRefundId(), settledAs)) {
            throw new UnvouchedSettlementException("no verified callback or channel query in the inbox vouches for"
                    + " the success of refund " + refund.outRefundNo() + " (" + settledAs + " on "
                    + attempt.outTradeNo() + ", channel refund " + notice.channelRefundId() + ")",
                    inbox.mayYetVouch());
        }
        // The channel says it refunded another amount: a person must look (the refund fails with this reason).
        if (!refund.amount().equals(settledAs)) {
            throw new IllegalArgumentException("refund " + refund.outRefundNo() + " of " + refund.amount()
                    + " settled as " + settledAs);
        }
        refundBook.refundSucceeded(order, refund, notice.channelRefundId(), "channel:" + capture.channel());
        metrics.settled("refund", notice.acceptedAt());
    }

    @Override
    public void giveUp(UUID refundId, String why) throws OrderNotFoundException {
        Refund refund = refunds.find(refundId).orElse(null);
        if (refund == null) throw new IllegalArgumentException("no refund " + refundId);
        Order order = orders.findForUpdate(refund.orderId());
        refunds.refresh(refund);
        if (refund.status().isUnsettled()) refundBook.refundFailed(order, refund, why, "exactpay");
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public OrderView refundInFull(UUID orderId, String actor) throws OrderNotFoundException, IllegalTransitionException {
        Order order = orders.findForUpdate(orderId);
        OrderStatus before = order.status();
        order.refundInFull();
        journal.audit(order, before, actor, "MANUAL_REFUND", "refunding the payment in full");
        refundBook.refundPayment(order, RefundReason.MANUAL, actor);
        return OrderView.of(order);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RefundView retry(UUID refundId, String actor) throws RefundNotFoundException, IllegalTransitionException {
        Refund refund = refunds.find(refundId).orElseThrow(() -> new RefundNotFoundException(refundId));
        Order order;
        try {
            order = orders.findForUpdate(refund.orderId());
        } catch (OrderNotFoundException e) {
            throw new IllegalStateException("refund of a missing order", e);
        }
        refunds.refresh(refund);
        if (refund.status() != RefundStatus.FAILED) {
            throw new IllegalTransitionException(order.status(), "refund " + refund.outRefundNo() + " is "
                    + refund.status() + "; only a FAILED refund is sent again");
        }
        refund.retry(clock.instant());
        journal.audit(order, order.status(), actor, "REFUND_RETRIED", refund.outRefundNo());
        queue.submitRefund(new SubmitRefund(order.id(), refund.id()));
        return RefundView.of(refund);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RefundView> forOrder(UUID orderId) {
        return refunds.forOrder(orderId).stream().map(RefundView::of).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RefundView> failed() {
        return refunds.inStatus(RefundStatus.FAILED, 500).stream().map(RefundView::of).toList();
    }

    private String notifyUrl(Channel channel) {
        return callbackBaseUrl + (channel == Channel.WECHAT_PAY ? "/api/v1/callbacks/wechatpay" : "/api/v1/callbacks/alipay");
    }
}
