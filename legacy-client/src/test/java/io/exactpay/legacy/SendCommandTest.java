package io.exactpay.legacy;

import io.exactpay.legacy.contract.CancelOrder;
import io.exactpay.messaging.contract.OrderCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A legacy system records a cancel in its own database and sends CancelOrder: both or neither. */
class SendCommandTest {

    private static LegacyKit kit;

    @BeforeAll
    static void kit() throws Exception {
        kit = InProcessKit.get();
    }

    @BeforeEach
    void emptyCommandQueue() throws Exception {
        TestServers.drain(ExactPayBroker.COMMAND_QUEUE);
    }

    @Test
    void theRowAndTheCommandCommitTogether() throws Exception {
        String orderNo = "ERP-" + UUID.randomUUID();
        CancelOrder cancel = new CancelOrder("cancel-" + orderNo.substring(4, 20), UUID.randomUUID(),
                CancelOrder.Reason.PAYER_REQUEST);

        try (LegacyTransaction tx = kit.begin()) {
            cancelledRow(tx, orderNo);
            tx.send(cancel);
            tx.commit();
        }

        assertEquals(1, TestServers.count("select count(*) from erp_order where merchant_order_no = ?", orderNo));
        List<TestServers.Received> commands = TestServers.drain(ExactPayBroker.COMMAND_QUEUE);
        assertEquals(1, commands.size());
        TestServers.Received command = commands.get(0);
        // What ExactPay's consumer relies on: its own parser accepts it, the broker stamped the
        // sender, and the reply goes to the sender's own queue with the messageId as correlation.
        assertInstanceOf(OrderCommand.CancelOrder.class, OrderCommand.parse(command.body()));
        assertEquals("erp", command.sender());
        assertEquals(cancel.messageId(), command.correlationId());
        assertEquals("ActiveMQQueue[exactpay.replies.erp]", command.replyTo());
        assertEquals(0, TestServers.preparedInDatabase());
        assertEquals(0, TestServers.preparedInBroker());
    }

    @Test
    void aRolledBackTransactionLeavesNeitherTheRowNorTheCommand() throws Exception {
        String orderNo = "ERP-" + UUID.randomUUID();
        try (LegacyTransaction tx = kit.begin()) {
            cancelledRow(tx, orderNo);
            tx.send(new CancelOrder("rollback-1", UUID.randomUUID(), CancelOrder.Reason.PAYER_REQUEST));
            // closed without commit: the caller changed its mind, or failed
        }

        assertEquals(0, TestServers.count("select count(*) from erp_order where merchant_order_no = ?", orderNo));
        assertEquals(List.of(), TestServers.drain(ExactPayBroker.COMMAND_QUEUE));
    }

    @Test
    void aFailureAfterTheSendRollsBothBack() throws Exception {
        String orderNo = "ERP-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> kit.inTransaction(tx -> {
            tx.send(new CancelOrder("failing-1", UUID.randomUUID(), CancelOrder.Reason.MERCHANT_REQUEST));
            cancelledRow(tx, orderNo);
            throw new IllegalStateException("the legacy system's own rule failed");
        }));

        assertEquals(0, TestServers.count("select count(*) from erp_order where merchant_order_no = ?", orderNo));
        assertEquals(List.of(), TestServers.drain(ExactPayBroker.COMMAND_QUEUE));
    }

    static void cancelledRow(LegacyTransaction tx, String orderNo) throws Exception {
        try (PreparedStatement ps = tx.database().prepareStatement(
                "insert into erp_order (merchant_order_no, status) values (?, 'CANCELLED')")) {
            ps.setString(1, orderNo);
            ps.executeUpdate();
        }
    }
}
