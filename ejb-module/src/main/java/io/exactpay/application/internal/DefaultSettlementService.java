package io.exactpay.application.internal;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.OrderView;
import io.exactpay.application.SettlementService;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.shared.Money;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DefaultSettlementService implements SettlementService {

    @Inject
    private OrderRepository orders;

    @Inject
    private ApplicationEvents events;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public CaptureRole settleCapture(CapturedPayment payment) throws OrderNotFoundException {
        // The order's row lock first: two channels' captures of one order settle one after the other.
        Order order = orders.findForUpdate(payment.orderId());
        Capture earlier = em.createQuery("select c from Capture c where c.attemptId = :attempt", Capture.class)
                .setParameter("attempt", payment.attemptId()).getResultStream().findFirst().orElse(null);
        if (earlier != null) return earlier.role();

        Money amount = Money.of(payment.amountMinor(), payment.currency());
        CaptureRole role = order.recordCapture(amount);
        Capture capture = new Capture(order.id(), payment.attemptId(), payment.channel(), payment.transactionId(),
                amount, role, clock.instant());
        em.persist(capture);
        OrderView view = OrderView.of(order);
        if (role == CaptureRole.PRIMARY) {
            events.orderPaid(view, capture.channel());
            return role;
        }
        // Same transaction: the extra money is owed back the moment we know of it.
        Refund refund = Refund.of(capture, role == CaptureRole.DUPLICATE
                ? RefundReason.DUPLICATE_PAYMENT : RefundReason.PAID_AFTER_CANCEL, clock.instant());
        em.persist(refund);
        events.paymentRefunding(view, capture.channel(), role, refund.outRefundNo(), refund.amount().minorUnits());
        return role;
    }
}
