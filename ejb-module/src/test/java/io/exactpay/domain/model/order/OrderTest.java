package io.exactpay.domain.model.order;

import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Order order() {
        return Order.place("portal-a", "M-1", Money.of(1999, "CNY"), "Tea", NOW, Duration.ofMinutes(30));
    }

    @Test
    void placedOrderIsPendingAtItsFirstRevisionAndExpiresByTheServerClock() {
        Order order = order();
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(1, order.revision());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), order.expiresAt());
    }

    @Test
    void eachRemarkIsTheNextRevision() {
        Order order = order();
        assertEquals(2, order.addRemark("warehouse", "fragile", NOW).revision());
        assertEquals(3, order.addRemark("support", "called the payer", NOW).revision());
        assertEquals(3, order.revision());
    }

    @Test
    void anInvalidRemarkChangesNothing() {
        Order order = order();
        assertThrows(IllegalArgumentException.class, () -> order.addRemark("warehouse", " ", NOW));
        assertThrows(IllegalArgumentException.class, () -> order.addRemark("warehouse", "x".repeat(501), NOW));
        assertEquals(1, order.revision());
    }

    @Test
    void firstCapturePaysTheOrderAndEveryLaterOneIsADuplicate() {
        Order order = order();
        assertEquals(CaptureRole.PRIMARY, order.recordCapture(Money.of(1999, "CNY")));
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(CaptureRole.DUPLICATE, order.recordCapture(Money.of(1999, "CNY")));
        assertEquals(OrderStatus.PAID, order.status(), "a duplicate leaves the order paid");
    }

    @Test
    void aCaptureOfAnotherAmountOrCurrencyIsMismatchedInEveryStateAndNeverPaysTheOrder() throws Exception {
        Order pending = order();
        assertEquals(CaptureRole.MISMATCHED, pending.recordCapture(Money.of(1998, "CNY")));
        assertEquals(CaptureRole.MISMATCHED, pending.recordCapture(Money.of(1999, "USD")));
        assertEquals(OrderStatus.PENDING, pending.status(), "a capture of another amount does not pay the order");
        assertEquals(3, pending.revision(), "each capture is recorded as the order's next revision");
        assertEquals(CaptureRole.PRIMARY, pending.recordCapture(Money.of(1999, "CNY")),
                "the order can still be paid with its own amount");

        Order paid = order();
        paid.recordCapture(Money.of(1999, "CNY"));
        assertEquals(CaptureRole.MISMATCHED, paid.recordCapture(Money.of(2000, "CNY")));
        assertEquals(OrderStatus.PAID, paid.status());

        Order closing = order();
        closing.cancel(CancelReason.PAYER_REQUEST, NOW);
        assertEquals(CaptureRole.MISMATCHED, closing.recordCapture(Money.of(1, "CNY")));
        assertEquals(OrderStatus.CLOSING, closing.status());
    }

    @Test
    void statesMoveOnlyAlongTheStateMachine() {
        assertTrue(OrderStatus.PENDING.canMoveTo(OrderStatus.PAID));
        assertTrue(OrderStatus.PENDING.canMoveTo(OrderStatus.CLOSING));
        assertTrue(OrderStatus.PAID.canMoveTo(OrderStatus.REFUNDING));
        assertTrue(OrderStatus.CLOSING.canMoveTo(OrderStatus.CLOSED));
        assertTrue(OrderStatus.REFUNDING.canMoveTo(OrderStatus.REFUNDED));
        assertFalse(OrderStatus.PAID.canMoveTo(OrderStatus.CLOSED), "a paid order is refunded, never just closed");
        assertFalse(OrderStatus.CLOSED.canMoveTo(OrderStatus.PAID), "a late capture leaves the order closed");
        assertFalse(OrderStatus.PENDING.canMoveTo(OrderStatus.REFUNDED));
        assertTrue(OrderStatus.CLOSED.isFinal());
        assertTrue(OrderStatus.REFUNDED.isFinal());
        assertFalse(OrderStatus.PAID.isFinal());
    }

    @Test
    void cancellingAPendingOrderClosesItOnceNoTradeIsOpen() throws Exception {
        Order order = order();
        assertEquals(CancelOutcome.CLOSING, order.cancel(CancelReason.PAYER_REQUEST, NOW));
        assertEquals(OrderStatus.CLOSING, order.status());
        assertFalse(order.closeIfNoTradeOpen(true), "an open trade keeps it closing");
        assertTrue(order.closeIfNoTradeOpen(false));
        assertEquals(OrderStatus.CLOSED, order.status());
        assertEquals(CaptureRole.LATE, order.recordCapture(Money.of(1999, "CNY")), "a capture on a closed order is late");
        assertEquals(OrderStatus.CLOSED, order.status());
    }

    @Test
    void aRepeatedCancelChangesNothing() throws Exception {
        Order order = order();
        order.cancel(CancelReason.MERCHANT_REQUEST, NOW);
        int revision = order.revision();
        assertEquals(CancelOutcome.UNCHANGED, order.cancel(CancelReason.MERCHANT_REQUEST, NOW));
        assertEquals(CancelOutcome.UNCHANGED, order.cancel(CancelReason.EXPIRED, NOW.plus(Duration.ofHours(1))));
        assertEquals(revision, order.revision());
    }

    @Test
    void aPaidOrderIsRefundedOnlyWhenTheReasonAllowsIt() throws Exception {
        Order order = order();
        order.recordCapture(Money.of(1999, "CNY"));
        assertThrows(IllegalTransitionException.class, () -> order.cancel(CancelReason.PAYER_REQUEST, NOW));
        assertEquals(CancelOutcome.UNCHANGED, order.cancel(CancelReason.EXPIRED, NOW.plus(Duration.ofHours(1))),
                "a payment that beat the timeout stands");
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(CancelOutcome.REFUNDING, order.cancel(CancelReason.MERCHANT_REQUEST, NOW));
        order.paymentRefunded();
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertEquals(CaptureRole.DUPLICATE, order.recordCapture(Money.of(1999, "CNY")));
    }

    @Test
    void onlyAPaidOrderRefusesACancelThatWouldNotGiveThePaymentBack() {
        for (CancelReason reason : CancelReason.values()) {
            assertEquals(!reason.refundsPaidOrder(), OrderStatus.PAID.refusesCancel(reason), reason.name());
            for (OrderStatus other : OrderStatus.values()) {
                if (other != OrderStatus.PAID) assertFalse(other.refusesCancel(reason), other + " " + reason);
            }
        }
    }

    @Test
    void theTimeoutCancelsOnlyAnOrderWhoseTimeIsUp() throws Exception {
        Order order = order();
        assertThrows(IllegalTransitionException.class, () -> order.cancel(CancelReason.EXPIRED, NOW));
        assertEquals(CancelOutcome.CLOSING, order.cancel(CancelReason.EXPIRED, order.expiresAt()));
        assertEquals(CancelReason.EXPIRED, order.cancelReason());
    }

    @Test
    void onlyAPaidOrderIsRefundedByHand() throws Exception {
        Order order = order();
        assertThrows(IllegalTransitionException.class, order::refundInFull);
        order.recordCapture(Money.of(1999, "CNY"));
        order.refundInFull();
        assertEquals(OrderStatus.REFUNDING, order.status());
        assertThrows(IllegalTransitionException.class, order::refundInFull);
    }

    @Test
    void onlyTheRefundOfItsOwnPaymentEndsARefundingOrder() throws Exception {
        Order order = order();
        order.recordCapture(Money.of(1999, "CNY"));
        assertFalse(order.refundSucceeded(RefundReason.DUPLICATE_PAYMENT), "a paid order stays paid");
        assertEquals(OrderStatus.PAID, order.status());
        order.cancel(CancelReason.MERCHANT_REQUEST, NOW);
        assertFalse(order.refundSucceeded(RefundReason.DUPLICATE_PAYMENT), "the refund of an extra capture");
        assertFalse(order.refundSucceeded(RefundReason.PAID_AFTER_CANCEL), "the refund of a late capture");
        assertEquals(OrderStatus.REFUNDING, order.status());
        assertTrue(order.refundSucceeded(RefundReason.ORDER_CANCELLED));
        assertEquals(OrderStatus.REFUNDED, order.status());
        assertFalse(order.refundSucceeded(RefundReason.ORDER_CANCELLED), "once");
    }
}
