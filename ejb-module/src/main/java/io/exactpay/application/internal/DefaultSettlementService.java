package io.exactpay.application.internal;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.OrderView;
import io.exactpay.application.SettlementService;
import io.exactpay.application.UnvouchedSettlementException;
import io.exactpay.domain.model.inbox.CallbackInbox;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;

@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DefaultSettlementService implements SettlementService {

    @Inject
    private OrderRepository orders;

    @Inject
    private ApplicationEvents events;

    @Inject
    private OrderClosing closing;

    @Inject
    private RefundBookkeeping refundBook;

    @Inject
    private OrderJournal journal;

    @Inject
    private SettlementMetrics metrics;

    @Inject
    private CallbackInbox inbox;

    @Inject
    private Clock clock;

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private CaptureRepository captures;

    @Override
    public CaptureRole settleCapture(CapturedPayment payment) throws OrderNotFoundException {
        // The order's row lock first: two channels' captures of one order settle one after the other.
        Order order = orders.findForUpdate(payment.orderId());
        PaymentAttempt attempt = attempts.find(payment.attemptId()).orElse(null);
        if (attempt == null || !attempt.orderId().equals(order.id())) {
            throw new IllegalArgumentException("attempt " + payment.attemptId() + " is not one of order " + order.id());
        }
        Money amount = Money.of(payment.amountMinor(), payment.currency());
        // Money moves only on a channel's word: the inbox must hold the verified callback or the
        // recorded query for exactly this trade, transaction and amount. The message alone is no proof.
        if (attempt.channel() != payment.channel() || !attempt.outTradeNo().equals(payment.outTradeNo())
                || !inbox.holdsCapture(attempt.channel(), payment.transactionId(), attempt.outTradeNo(), amount)) {
            throw new UnvouchedSettlementException("no verified callback or channel query in the inbox vouches for "
                    + payment.channel() + " transaction " + payment.transactionId() + " paying " + amount + " on "
                    + payment.outTradeNo() + " (attempt " + attempt.outTradeNo() + " on " + attempt.channel() + ")",
                    inbox.mayYetVouch());
        }
        Capture earlier = captures.ofAttempt(payment.attemptId()).orElse(null);
        if (earlier != null) return earlier.role();

        OrderStatus before = order.status();
        CaptureRole role = order.recordCapture(amount);
        attempt.captured(clock.instant());
        Capture capture = new Capture(order.id(), attempt.id(), payment.channel(), payment.transactionId(),
                amount, role, clock.instant());
        captures.add(capture);
        journal.postCapture(capture);
        String actor = "channel:" + payment.channel();
        journal.audit(order, before, actor, "CAPTURE_" + role,
                attempt.outTradeNo() + " transaction " + payment.transactionId() + " " + amount);
        metrics.captured(role, payment.channel());
        metrics.settled("capture", payment.acceptedAt());

        if (role == CaptureRole.PRIMARY) {
            events.orderPaid(OrderView.of(order), capture.channel());
            metrics.orderPaid();
            // Later, outside this lock: the close consumer closes the trades the payer no longer needs.
            closing.closeOpenAttempts(order);
            return role;
        }
        // Same transaction: the extra money is owed back the moment we know of it.
        Refund refund = refundBook.requestRefund(order, capture, switch (role) {
            case DUPLICATE -> RefundReason.DUPLICATE_PAYMENT;
            case LATE -> RefundReason.PAID_AFTER_CANCEL;
            // Another amount or currency than the order's: real money at the channel that pays nothing.
            default -> RefundReason.AMOUNT_MISMATCH;
        }, actor);
        events.paymentRefunding(OrderView.of(order), capture.channel(), role, refund.outRefundNo(),
                refund.amount().minorUnits(), refund.amount().currency());
        // A late or mismatched capture settles its trade: a closing order may now be closed.
        closing.closeIfNoTradeOpen(order, actor);
        return role;
    }
}
