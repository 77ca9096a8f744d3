package io.exactpay.application.janitor;

import io.exactpay.application.CapturedPayment;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.PaymentStatus;
import io.exactpay.application.internal.ChannelIntake;
import io.exactpay.application.internal.OrderJournal;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Open channel trades without news, each checked in a transaction of its own: the channel is asked
 * with no lock held, and the answer is recorded under the order's lock, after re-reading the attempt.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StaleAttemptCheck {

    @Inject
    private OrderRepository orders;

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private SettlementQueue queue;

    @Inject
    private ChannelIntake intake;

    @Inject
    private OrderJournal journal;

    @Inject
    private PaymentChannels channels;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UUID> staleAttempts(Duration staleAfter, int limit) {
        return attempts.openNotCheckedSince(clock.instant().minus(staleAfter), limit);
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
