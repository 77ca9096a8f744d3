package io.exactpay.domain.model.order;

import io.exactpay.domain.model.payment.CaptureRole;
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
    void aCaptureOfAnotherAmountIsRefusedAndChangesNothing() {
        Order order = order();
        assertThrows(IllegalArgumentException.class, () -> order.recordCapture(Money.of(1998, "CNY")));
        assertThrows(IllegalArgumentException.class, () -> order.recordCapture(Money.of(1999, "USD")));
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(1, order.revision());
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
}
