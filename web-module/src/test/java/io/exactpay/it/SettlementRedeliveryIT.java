package io.exactpay.it;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settlement consumers under failure: a capture whose first delivery fails midway (the order
 * row held elsewhere past the lock timeout) is rolled back whole, event included, and settled once
 * on redelivery; poison messages end on the dead-letter queue with their reason.
 */
class SettlementRedeliveryIT {

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    @Test
    void captureFailingMidwayIsRolledBackWholeAndSettledOnceOnRedelivery() throws Exception {
        long log = ConsoleLog.mark();
        Orders.Opened order = Orders.open("R-" + UUID.randomUUID().toString().substring(0, 8), 4321, null, "ALIPAY");
        try (Connection holder = OrderDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from orders where id = ?::uuid for update")) {
                lock.setString(1, order.orderId());
                lock.executeQuery();
            }
            assertEquals(200, Sandbox.pay("alipay", order.trade(0)));
            // The callback is taken in; its settlement waits on the row lock, times out and rolls back,
            // which the server logs as one line naming the order.
            Await.until("the settlement's lock wait on order " + order.orderId() + " timed out", 30_000,
                    () -> lockTimeoutLogged(log, order.orderId()));
            assertEquals(0, Orders.captures(order.orderId(), "PRIMARY"), "nothing settled while the row is held");
            holder.rollback();
        }
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        assertEquals(1, Orders.captures(order.orderId(), "PRIMARY"));
        assertEquals(4321, Orders.ledger(order.orderId()));
        assertEquals(1, Broker.receiveAll(Broker.EVENTS, "orderId = '" + order.orderId() + "' AND type = 'OrderPaid'",
                1_500).size(), "the failed attempt's event was rolled back with it");
        // A lock wait retried is expected under contention: one line, no warning or stack trace.
        ConsoleLog.assertQuietSince(log);
    }

    private static boolean lockTimeoutLogged(long mark, String orderId) throws Exception {
        return ConsoleLog.since(mark).stream()
                .anyMatch(line -> line.contains(orderId) && line.contains("stayed locked past the lock timeout"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exactpay.payment.captures", "exactpay.order.cancels", "exactpay.trade.closes",
            "exactpay.refunds"})
    void poisonMessageEndsOnTheDeadLetterQueueWithItsReason(String queue) throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = Broker.connectionFactory().createContext()) {
            context.createProducer().setProperty("marker", marker)
                    .send(context.createQueue(queue), "{\"type\":\"Nonsense\",\"schemaVersion\":1}");
        }
        Message dead = Broker.receive(Broker.DEAD_LETTERS, "marker = '" + marker + "'", 20_000);
        assertNotNull(dead, "dead-lettered");
        assertEquals(queue, dead.getStringProperty("deadLetterOrigin"));
        assertTrue(dead.getStringProperty("deadLetterReason").startsWith("malformed"),
                dead.getStringProperty("deadLetterReason"));
    }

    @Test
    void workForAnOrderThatDoesNotExistIsDeadLettered() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID orderId = UUID.randomUUID();
        String body = "{\"type\":\"CancelOrder\",\"schemaVersion\":1,\"orderId\":\"" + orderId
                + "\",\"reason\":\"EXPIRED\",\"actor\":\"test\"}";
        try (JMSContext context = Broker.connectionFactory().createContext()) {
            context.createProducer().setProperty("marker", marker).send(context.createQueue("exactpay.order.cancels"), body);
        }
        Message dead = Broker.receive(Broker.DEAD_LETTERS, "marker = '" + marker + "'", 20_000);
        assertNotNull(dead, "dead-lettered");
        assertEquals("exactpay.order.cancels", dead.getStringProperty("deadLetterOrigin"));
        assertEquals("Order " + orderId + " does not exist", dead.getStringProperty("deadLetterReason"));
    }
}
