package io.exactpay.application.internal;

import io.exactpay.application.CancellationService;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.MessageIdReusedException;
import io.exactpay.application.OrderView;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.channel.ChannelOutcomeUnknownException;
import io.exactpay.application.channel.CloseOutcome;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.PaymentStatus;
import io.exactpay.domain.model.order.CancelOutcome;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.RefundReason;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultCancellationService implements CancellationService {

    private static final String CANCEL_ORDER = "CancelOrder";

    @Inject
    private OrderRepository orders;

    @Inject
    private OrderClosing closing;

    @Inject
    private RefundBookkeeping refundBook;

    @Inject
    private SettlementQueue queue;

    @Inject
    private OrderJournal journal;

    @Inject
    private ChannelIntake intake;

    @Inject
    private PaymentChannels channels;

    @Inject
    private ProcessedMessages processedMessages;

    @Inject
    private Clock clock;

    @Inject
    private PaymentAttemptRepository attempts;

    @Override
    public OrderView cancel(UUID orderId, String clientId, CancelReason reason, String actor)
            throws OrderNotFoundException, IllegalTransitionException {
        Order order = orders.findForUpdate(orderId);
        if (clientId != null && !order.clientId().equals(clientId)) throw new OrderNotFoundException(orderId);
        OrderStatus before = order.status();
        CancelOutcome outcome = order.cancel(reason, clock.instant());
        switch (outcome) {
            case CLOSING -> {
                journal.audit(order, before, actor, "ORDER_CANCELLED", reason.name());
                // Later, outside this lock: the close consumer closes each trade at its channel.
                closing.closeOpenAttempts(order);
                closing.closeIfNoTradeOpen(order, actor);
            }
            case REFUNDING -> {
                journal.audit(order, before, actor, "ORDER_CANCELLED", reason.name() + ", paid: refunding in full");
                refundBook.refundPayment(order, RefundReason.ORDER_CANCELLED, actor);
            }
            case UNCHANGED -> {
                // Already cancelled or refunded, or paid before it expired: an exact replay changes nothing.
            }
        }
        return OrderView.of(order);
    }

    @Override
    public OrderView cancelOnce(String messageId, int deliveryAttempt, UUID orderId, String clientId,
                                CancelReason reason, String actor)
            throws OrderNotFoundException, IllegalTransitionException, MessageIdReusedException {
        Optional<ProcessedMessages.Processed> earlier = processedMessages.find(clientId, messageId);
        if (earlier.isPresent()) {
            if (!CANCEL_ORDER.equals(earlier.get().command()) || !earlier.get().orderId().equals(orderId)) {
                throw new MessageIdReusedException(messageId, earlier.get().command(), earlier.get().orderId());
            }
            return OrderView.of(orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId)));
        }
        OrderView order = cancel(orderId, clientId, reason, actor);
        processedMessages.record(clientId, messageId, CANCEL_ORDER, deliveryAttempt, orderId, order.revision());
        return order;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void closeTrade(UUID attemptId) {
        PaymentAttempt attempt = attempts.find(attemptId).orElse(null);
        if (attempt == null) throw new IllegalArgumentException("no payment attempt " + attemptId);
        if (!attempt.status().isOpen()) return;
        PaymentChannel channel = channels.get(attempt.channel()).orElseThrow(() ->
                new IllegalStateException(attempt.channel() + " is not configured on this server"));

        // No lock is held during the call: it is idempotent and bounded by the channel's timeouts.
        // No answer throws, and the close is redelivered with back-off.
        CloseOutcome outcome = channel.closePayment(attempt.outTradeNo());
        if (outcome == CloseOutcome.ALREADY_PAID) {
            // The payer won the race: the trade stays open until its capture is settled (as LATE or
            // DUPLICATE, and refunded). Take the capture in now rather than wait for its callback.
            PaymentStatus status = channel.queryPayment(attempt.outTradeNo());
            if (!status.state().captured()) {
                throw new ChannelOutcomeUnknownException(attempt.channel(), "close of " + attempt.outTradeNo()
                        + " says paid, the query says " + status.channelState(), null);
            }
            if (!intake.takeIn(new PaymentCaptured(attempt.channel(), attempt.outTradeNo(), status.transactionId(),
                    status.amount(), status.paidAt()))) {
                // Taken in before, yet the trade is still open: that capture's settlement never
                // committed. Settling is idempotent per attempt, so queue it again; otherwise every
                // later close would meet the same answer and the order would stay CLOSING.
                queue.paymentCaptured(new CapturedPayment(attempt.orderId(), attempt.id(), attempt.channel(),
                        attempt.outTradeNo(), status.transactionId(), status.amount().minorUnits(),
                        status.amount().currency(), status.paidAt(), clock.instant()));
            }
            return;
        }
        Order order = lockOrder(attempt.orderId());
        attempts.refresh(attempt);
        if (!attempt.status().isOpen()) return;
        OrderStatus before = order.status();
        attempt.closed(clock.instant());
        journal.audit(order, before, "channel:" + attempt.channel(), "TRADE_CLOSED",
                attempt.outTradeNo() + " " + outcome);
        closing.closeIfNoTradeOpen(order, "channel:" + attempt.channel());
    }

    private Order lockOrder(UUID orderId) {
        try {
            return orders.findForUpdate(orderId);
        } catch (OrderNotFoundException e) {
            throw new IllegalStateException("attempt of a missing order " + orderId, e);
        }
    }
}
