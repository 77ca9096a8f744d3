package io.exactpay.application.janitor;

import io.exactpay.application.CancelOrder;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.SubmitRefund;
import io.exactpay.application.internal.ChannelIntake;
import io.exactpay.application.internal.OrderJournal;
import io.exactpay.application.internal.SettlementSteps;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundStatus;
import io.exactpay.infrastructure.channel.ChannelPaymentState;
import io.exactpay.infrastructure.channel.ChannelRefundState;
import io.exactpay.infrastructure.channel.PaymentCaptured;
import io.exactpay.infrastructure.channel.PaymentChannel;
import io.exactpay.infrastructure.channel.PaymentChannels;
import io.exactpay.infrastructure.channel.PaymentStatus;
import io.exactpay.infrastructure.channel.ChannelAmount;
import io.exactpay.infrastructure.channel.RefundSettled;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The janitor's steps, each in a transaction of its own. Channel questions are asked with no lock
 * held; the answer is recorded under the order's lock, after re-reading what is still pending.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JanitorSteps {

    /** Attempts still OPENING this long after they were written down never reached the channel. */
    private static final Duration OPENING_ABANDONED = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private OrderRepository orders;

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
        List<UUID> due = ids(em.createNativeQuery("select id from orders where status = 'PENDING' and expires_at <= ?1"
                        + " order by expires_at limit ?2")
                .setParameter(1, at(clock.instant())).setParameter(2, limit));
        for (UUID orderId : due) queue.cancelOrder(new CancelOrder(orderId, CancelReason.EXPIRED, "expiry-timer"));
        return due.size();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> staleAttempts(Duration staleAfter, int limit) {
        return ids(em.createNativeQuery("select id from payment_attempt where status in ('OPENING', 'OPEN')"
                        + " and coalesce(checked_at, updated_at) < ?1 order by updated_at limit ?2")
                .setParameter(1, at(clock.instant().minus(staleAfter))).setParameter(2, limit));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> staleRefunds(Duration staleAfter, int limit) {
        return ids(em.createNativeQuery("select id from refund where status in ('REQUESTED', 'SUBMITTED')"
                        + " and coalesce(checked_at, updated_at) < ?1 order by updated_at limit ?2")
                .setParameter(1, at(clock.instant().minus(staleAfter))).setParameter(2, limit));
    }

    /**
     * An open attempt without news: on an order that no longer takes payments it is closed again
     * (the close consumer settles a payer who won the race); otherwise the channel is asked, and a
     * payment whose callback never came is taken in like one.
     */
    public void checkAttempt(UUID attemptId) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId);
        if (attempt == null || !attempt.status().isOpen()) return;
        Order snapshot = em.find(Order.class, attempt.orderId());
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
        em.refresh(attempt);
        if (!attempt.status().isOpen()) return;
        attempt.checked(clock.instant());
        if (order.status() != OrderStatus.PENDING) {
            queue.closeTrade(new CloseTrade(order.id(), attempt.id()));
        } else if (status != null && (status.state() == ChannelPaymentState.CLOSED
                || status.state() == ChannelPaymentState.FAILED
                || (status.state() == ChannelPaymentState.NOT_FOUND
                    && attempt.createdAt().isBefore(clock.instant().minus(OPENING_ABANDONED))))) {
            // The channel closed it (its own expiry) or never got it: nobody can pay it any more.
            OrderStatus before = order.status();
            attempt.closed(clock.instant());
            journal.audit(order, before, "janitor", "TRADE_CLOSED", attempt.outTradeNo() + " " + status.channelState());
        }
    }

    /**
     * An unsettled refund without news: a REQUESTED one is sent again (the channel deduplicates by
     * out_refund_no); for a SUBMITTED one the channel is asked, and its success is taken in like
     * its callback.
     */
    public void checkRefund(UUID refundId) {
        Refund refund = em.find(Refund.class, refundId);
        if (refund == null || !refund.status().isUnsettled()) return;
        Capture capture = em.find(Capture.class, refund.captureId());
        PaymentAttempt attempt = em.find(PaymentAttempt.class, capture.attemptId());
        io.exactpay.infrastructure.channel.RefundStatus answer = null;
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
        em.refresh(refund);
        if (!refund.status().isUnsettled()) return;
        refund.checked(clock.instant());
        if (answer == null || answer.state() == ChannelRefundState.NOT_FOUND) {
            queue.submitRefund(new SubmitRefund(order.id(), refund.id()));
        } else if (answer.state() == ChannelRefundState.FAILED) {
            settlement.refundFailed(order, refund, "the channel says " + answer.channelState(), "janitor");
        } else if (answer.state() == ChannelRefundState.SUCCEEDED
                && (answer.amount() == null || answer.amount().minorUnits() != refund.amount().minorUnits())) {
            // Not the refund we asked for: a person must look (it shows with the failed refunds).
            settlement.refundFailed(order, refund, "the channel reports a refund of " + answer.amount() + ", not "
                    + refund.amount(), "janitor");
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Query query) {
        return ((List<Object>) query.getResultList()).stream()
                .map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
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
