package io.exactpay.it;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order commands from legacy systems: each is acted on exactly once, in one XA transaction with
 * its reply; what cannot be acted on ends on the dead-letter queue with its reason, and nothing
 * else changes.
 */
class OrderCommandsIT {

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    private static JsonObject reply(String correlationId) throws Exception {
        Message reply = Broker.receive(Commands.REPLIES, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(reply, "reply for " + correlationId);
        return Api.json(((TextMessage) reply).getText());
    }

    private static Message deadLetter(String correlationId, long timeoutMillis) {
        return Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", timeoutMillis);
    }

    @Test
    void remarkCommandChangesTheOrderOnceAndReplies() throws Exception {
        String orderId = Commands.placeSendersOrder("R-" + UUID.randomUUID(), 100);
        String messageId = UUID.randomUUID().toString();

        JsonObject first = reply(Commands.send(Commands.addRemark(messageId, orderId, "leave at the door")));
        JsonObject replay = reply(Commands.send(Commands.addRemark(messageId, orderId, "leave at the door")));

        assertEquals("RemarkAdded", first.getString("type"));
        assertEquals(2, first.getInt("revision"));
        assertFalse(first.getBoolean("replayed"));
        assertEquals(2, replay.getInt("revision"), "a replayed message id is answered with the first result");
        assertTrue(replay.getBoolean("replayed"));
        assertEquals(1, OrderDatabase.count("select count(*) from order_remark where order_id = ?::uuid", orderId));
        assertEquals(1, OrderDatabase.count("select count(*) from orders where id = ?::uuid and revision = 2", orderId));
        assertEquals(1, OrderDatabase.count("select count(*) from processed_message where message_id = ?", messageId));
    }

    @Test
    void malformedCommandIsDeadLetteredAtOnceWithItsReason() throws Exception {
        String correlationId = Commands.send("{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"orderId\":42}");

        Message dead = deadLetter(correlationId, 20_000);
        assertNotNull(dead, "malformed command on the dead-letter queue");
        assertTrue(dead.getStringProperty("deadLetterReason").startsWith("malformed: "),
                dead.getStringProperty("deadLetterReason"));
        assertEquals(Broker.COMMANDS, dead.getStringProperty("deadLetterOrigin"));
        assertEquals(1, dead.getIntProperty("deadLetterDeliveryAttempts"), "not retried");
        assertEquals("CommandRejected", reply(correlationId).getString("type"));
    }

    @Test
    void commandForAnUnknownOrderIsDeadLettered() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String correlationId = Commands.send(Commands.addRemark(UUID.randomUUID().toString(), orderId, "hello"));

        Message dead = deadLetter(correlationId, 20_000);
        assertNotNull(dead);
        assertTrue(dead.getStringProperty("deadLetterReason").contains(orderId + " does not exist"));
        assertEquals(0, OrderDatabase.count("select count(*) from processed_message where order_id = ?::uuid", orderId));
    }

    @Test
    void commandFailingAfterItChangedTheOrderIsRolledBackRedeliveredThenDeadLettered() throws Exception {
        String orderId = Commands.placeSendersOrder("F-" + UUID.randomUUID(), 100);
        String messageId = UUID.randomUUID().toString();
        String correlationId;
        // A maintenance job holds the processed-message table: on every attempt the consumer locks and
        // changes the order row and adds the remark, then waits for that table past the lock timeout.
        try (Connection blocker = OrderDatabase.connect()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table processed_message in exclusive mode");
            }
            correlationId = Commands.send(Commands.addRemark(messageId, orderId, "fragile"));
            Message dead = deadLetter(correlationId, 60_000);

            assertNotNull(dead, "dead-lettered after the last attempt");
            int maxAttempts = Integer.parseInt(System.getProperty("exactpay.jms.max-delivery-attempts"));
            assertEquals(maxAttempts, dead.getIntProperty("deadLetterDeliveryAttempts"));
            String reason = dead.getStringProperty("deadLetterReason");
            assertTrue(reason.startsWith("failed on attempt " + maxAttempts + ": "), reason);
            assertTrue(reason.contains("lock timeout"), reason);
            assertEquals(messageId, Api.json(((TextMessage) dead).getText()).getString("messageId"));
            blocker.rollback();
        }
        assertEquals(1, OrderDatabase.count("select count(*) from orders where id = ?::uuid and revision = 1", orderId),
                "the order row change was rolled back");
        assertEquals(0, OrderDatabase.count("select count(*) from order_remark where order_id = ?::uuid", orderId));
        assertEquals(0, OrderDatabase.count("select count(*) from processed_message where message_id = ?", messageId));
        assertEquals("CommandRejected", reply(correlationId).getString("type"));
    }
}
