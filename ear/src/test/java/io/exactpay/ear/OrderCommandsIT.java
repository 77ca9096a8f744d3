package io.exactpay.ear;

import io.exactpay.it.Api;
import io.exactpay.it.Broker;
import io.exactpay.it.Commands;
import io.exactpay.it.Invariants;
import io.exactpay.it.OrderDatabase;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EAR's order-command consumer on Payara Server, inbound through the Artemis resource adapter. */
class OrderCommandsIT {

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    @Test
    void addRemarkChangesTheOrderAndIsAnswered() throws Exception {
        String orderId = Commands.placeSendersOrder("EAR-R-" + UUID.randomUUID(), 100);

        String correlationId = Commands.send(Commands.addRemark(UUID.randomUUID().toString(), orderId, "hi"));

        Message reply = Broker.receive(Commands.REPLIES, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(reply, "reply to the command");
        JsonObject body = Api.json(((TextMessage) reply).getText());
        assertEquals("RemarkAdded", body.getString("type"), body.toString());
        assertEquals(2, body.getInt("revision"));
        assertEquals(1, OrderDatabase.count("select count(*) from orders where id = ?::uuid and revision = 2", orderId));
        assertEquals(1, OrderDatabase.count("select count(*) from order_remark where order_id = ?::uuid", orderId));
    }

    @Test
    void malformedCommandIsDeadLetteredWithItsReason() throws Exception {
        String correlationId = Commands.send("{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"orderId\":42}");

        Message dead = Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(dead, "malformed command on the dead-letter queue");
        String reason = dead.getStringProperty("deadLetterReason");
        assertTrue(reason.startsWith("malformed: "), reason);
    }
}
