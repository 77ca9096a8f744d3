package io.exactpay.it;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two commands for one order consumed at the same time serialize on the order's row lock: no
 * update is lost and none has to be retried.
 */
class RowLockIT {

    private static final int ORDERS = 200;

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    @Test
    void concurrentCommandsForOneOrderSerializeOnTheRowLock_noLostUpdate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) orderIds.add(Commands.placeSendersOrder("L-" + run + "-" + i, 100 + i));

        // Both commands of an order are queued back to back, without a message group, so that
        // parallel consumers take them at the same time.
        for (String orderId : orderIds) {
            Commands.send(Commands.addRemark(run + "-a-" + orderId, orderId, "first"), run + "-a-" + orderId);
            Commands.send(Commands.addRemark(run + "-b-" + orderId, orderId, "second"), run + "-b-" + orderId);
        }
        Set<String> revisionsSeen = new HashSet<>();
        List<Message> replies = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (replies.size() < 2 * ORDERS && System.currentTimeMillis() < deadline) {
            replies.addAll(Broker.receiveAll(Commands.REPLIES, "JMSCorrelationID LIKE '" + run + "-%'", 2_000));
        }
        assertEquals(2 * ORDERS, replies.size(), "one reply per command");
        for (Message reply : replies) {
            var body = Api.json(((TextMessage) reply).getText());
            assertEquals("RemarkAdded", body.getString("type"), body.toString());
            revisionsSeen.add(body.getString("orderId") + "@" + body.getInt("revision"));
        }

        assertEquals(2 * ORDERS, revisionsSeen.size(), "every command produced its own revision");
        assertEquals(ORDERS, OrderDatabase.count("select count(*) from orders where merchant_order_no like ?"
                + " and revision = 3", "L-" + run + "-%"), "each order has both changes");
        assertEquals(2L * ORDERS, OrderDatabase.count("select count(*) from order_remark r join orders o"
                + " on o.id = r.order_id where o.merchant_order_no like ?", "L-" + run + "-%"));
        assertEquals(2L * ORDERS, OrderDatabase.count("select count(*) from processed_message where message_id like ?"
                + " and delivery_attempt = 1", run + "-%"), "no command needed a second attempt");
    }
}
