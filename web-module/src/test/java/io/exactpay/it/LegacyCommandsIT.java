package io.exactpay.it;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Legacy systems place and read orders over JMS, each as its own broker user: the order's client
 * is the user the broker authenticated, whatever the message says; a command is acted on once per
 * sender and message id; a business rule is answered, not dead-lettered; what cannot be processed
 * is dead-lettered with its reason and changes nothing.
 */
class LegacyCommandsIT {

    private static final String ERP = "erp";
    private static final String POS = "pos";

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String send(String system, String body) {
        return Commands.send(system, body, newId(), producer -> { });
    }

    private static JsonObject placeAs(String system, String merchantOrderNo) throws Exception {
        JsonObject reply = Commands.reply(system, send(system, Commands.createOrder(newId(), merchantOrderNo, 1999)));
        assertEquals("OrderPlaced", reply.getString("type"), reply.toString());
        return reply;
    }

    private static JsonObject withoutReplayed(JsonObject reply) {
        return Json.createObjectBuilder(reply).remove("replayed").build();
    }

    @Test
    void createOrder_storesTheOrderForTheSender_repliesAndAnnouncesIt() throws Exception {
        String no = "ERP-" + newId();

        JsonObject reply = Commands.reply(ERP, send(ERP, Commands.createOrder(newId(), no, 1999)));

        assertEquals("OrderPlaced", reply.getString("type"), reply.toString());
        assertFalse(reply.getBoolean("replayed"));
        assertEquals(no, reply.getString("merchantOrderNo"));
        assertEquals(1999, reply.getJsonNumber("amount").longValueExact());
        String orderId = reply.getString("orderId");
        assertEquals(1, OrderDatabase.count("select count(*) from orders where id = ?::uuid and client_id = 'erp'"
                + " and merchant_order_no = ? and amount_minor = 1999 and currency = 'CNY' and status = 'PENDING'",
                orderId, no));
        Message event = Broker.receive(Broker.EVENTS, "orderId = '" + orderId + "'", 10_000);
        assertNotNull(event, "OrderCreated on the events address");
        JsonObject created = Api.json(((TextMessage) event).getText());
        assertEquals("OrderCreated", created.getString("type"));
        assertEquals(ERP, created.getString("clientId"));
        assertNotNull(Broker.receive(Broker.legacySystem(ERP), "exactpay.events::exactpay.events.erp",
                "orderId = '" + orderId + "'", 10_000), "and on erp's own subscription");
    }

    @Test
    void replayedMessageId_isAnsweredWithTheSameOrder_andPlacesOne() throws Exception {
        String no = "ERP-" + newId();
        String messageId = newId();

        JsonObject first = Commands.reply(ERP, send(ERP, Commands.createOrder(messageId, no, 500)));
        JsonObject replay = Commands.reply(ERP, send(ERP, Commands.createOrder(messageId, no, 500)));

        assertFalse(first.getBoolean("replayed"), first.toString());
        assertTrue(replay.getBoolean("replayed"), replay.toString());
        assertEquals(withoutReplayed(first), withoutReplayed(replay), "the same answer");
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
        assertEquals(1, OrderDatabase.count("select count(*) from processed_message where client_id = 'erp'"
                + " and message_id = ? and command = 'CreateOrder'", messageId));
        assertEquals(1, Broker.receiveAll(Broker.EVENTS, "orderId = '" + first.getString("orderId") + "'", 2_000).size(),
                "one OrderCreated");
    }

    @Test
    void messageIdReusedForAnotherOrder_isAnErrorReply_andPlacesNothing() throws Exception {
        String messageId = newId();
        String firstNo = "ERP-" + newId();
        String first = Commands.reply(ERP, send(ERP, Commands.createOrder(messageId, firstNo, 500))).getString("orderId");
        String otherNo = "ERP-" + newId();

        JsonObject reply = Commands.reply(ERP, send(ERP, Commands.createOrder(messageId, otherNo, 500)));

        assertEquals("CommandError", reply.getString("type"), reply.toString());
        assertEquals("message-id-reused", reply.getString("error"));
        assertEquals(first, reply.getString("orderId"));
        assertEquals(0, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", otherNo));
    }

    @Test
    void merchantOrderNoTheSenderAlreadyUsed_isAnErrorReply_notADeadLetter() throws Exception {
        String no = "ERP-" + newId();
        String existing = placeAs(ERP, no).getString("orderId");

        String correlationId = send(ERP, Commands.createOrder(newId(), no, 700));
        JsonObject reply = Commands.reply(ERP, correlationId);

        assertEquals("CommandError", reply.getString("type"), reply.toString());
        assertEquals("CreateOrder", reply.getString("command"));
        assertEquals("order-exists", reply.getString("error"));
        assertEquals(existing, reply.getString("orderId"));
        assertNull(Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 2_000));
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));

        placeAs(POS, no); // numbers are per client: pos has none of erp's
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?"
                + " and client_id = 'pos'", no));
    }

    @Test
    void sameMessageIdFromTwoSystems_isTwoCommands() throws Exception {
        String messageId = newId();

        JsonObject erp = Commands.reply(ERP, send(ERP, Commands.createOrder(messageId, "ERP-" + newId(), 100)));
        JsonObject pos = Commands.reply(POS, send(POS, Commands.createOrder(messageId, "POS-" + newId(), 100)));

        assertFalse(erp.getBoolean("replayed"));
        assertFalse(pos.getBoolean("replayed"), "pos is not answered with erp's order");
        assertFalse(erp.getString("orderId").equals(pos.getString("orderId")));
        assertEquals(2, OrderDatabase.count("select count(*) from processed_message where message_id = ?", messageId));
    }

    @Test
    void cancelOrder_closesTheSendersOrderOnce_andAnotherSystemsIsNotFound() throws Exception {
        String orderId = Commands.reply(ERP, send(ERP, Commands.createOrder(newId(), "ERP-" + newId(), 700)))
                .getString("orderId");

        JsonObject foreign = Commands.reply(POS, send(POS, Commands.cancelOrder(newId(), orderId, "MERCHANT_REQUEST")));
        assertEquals("CommandError", foreign.getString("type"), foreign.toString());
        assertEquals("order-not-found", foreign.getString("error"));
        assertEquals("PENDING", Orders.status(orderId), "another system cannot cancel erp's order");

        String messageId = newId();
        JsonObject cancelled = Commands.reply(ERP, send(ERP, Commands.cancelOrder(messageId, orderId, "MERCHANT_REQUEST")));
        assertEquals("OrderState", cancelled.getString("type"), cancelled.toString());
        assertTrue(List.of("CLOSING", "CLOSED").contains(cancelled.getString("status")), cancelled.toString());
        JsonObject replay = Commands.reply(ERP, send(ERP, Commands.cancelOrder(messageId, orderId, "MERCHANT_REQUEST")));
        assertEquals("CLOSED", replay.getString("status"), "a repeat gets the order as it is");
        assertEquals(1, OrderDatabase.count("select count(*) from order_audit where order_id = ?::uuid"
                + " and action = 'ORDER_CANCELLED' and actor = 'jms:erp'", orderId), "cancelled once, by erp");
        assertEquals(1, OrderDatabase.count("select count(*) from processed_message where client_id = 'erp'"
                + " and message_id = ?", messageId));
    }

    @Test
    void queryOrder_answersWithTheSendersOrderAsItIs() throws Exception {
        String no = "ERP-" + newId();
        String orderId = placeAs(ERP, no).getString("orderId");

        JsonObject reply = Commands.reply(ERP, send(ERP, Commands.queryOrder(newId(), orderId)));

        assertEquals("OrderState", reply.getString("type"), reply.toString());
        assertEquals(orderId, reply.getString("orderId"));
        assertEquals(no, reply.getString("merchantOrderNo"));
        assertEquals("PENDING", reply.getString("status"));
        assertEquals(1, reply.getInt("revision"));
    }

    @Test
    void queryOrder_ofAnotherSystemsOrder_isAnsweredAsNotFound() throws Exception {
        String posOrder = placeAs(POS, "POS-" + newId()).getString("orderId");

        JsonObject other = Commands.reply(ERP, send(ERP, Commands.queryOrder(newId(), posOrder)));
        JsonObject none = Commands.reply(ERP, send(ERP, Commands.queryOrder(newId(), newId())));

        assertEquals("CommandError", other.getString("type"), other.toString());
        assertEquals("order-not-found", other.getString("error"));
        assertFalse(other.containsKey("orderId"));
        assertEquals(none.getString("error"), other.getString("error"), "not told apart from a missing order");
        assertEquals("OrderState", Commands.reply(POS, send(POS, Commands.queryOrder(newId(), posOrder))).getString("type"));
    }

    @Test
    void clientIdForgedInTheBodyAndHeaders_theOrderIsTheAuthenticatedSenders() throws Exception {
        String no = "FORGED-" + newId();
        String body = Json.createObjectBuilder(Api.json(Commands.createOrder(newId(), no, 300)))
                .add("clientId", POS).build().toString();

        String correlationId = Commands.send(ERP, body, newId(),
                producer -> producer.setProperty("JMSXUserID", POS).setProperty("_AMQ_VALIDATED_USER", POS));
        JsonObject reply = Commands.reply(ERP, correlationId);

        assertEquals("OrderPlaced", reply.getString("type"), reply.toString());
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?"
                + " and client_id = 'erp'", no));
        assertEquals(0, OrderDatabase.count("select count(*) from orders where client_id = 'pos'"
                + " and merchant_order_no = ?", no));
        assertEquals("order-not-found", Commands.reply(POS, send(POS, Commands.queryOrder(newId(),
                reply.getString("orderId")))).getString("error"));
    }

    @Test
    void malformedCreateOrder_isDeadLetteredWithItsReason_andChangesNothing() throws Exception {
        String no = "BAD-" + newId();
        String body = Commands.createOrder(newId(), no, 1).replace("\"amount\":1", "\"amount\":12.5");

        String correlationId = send(ERP, body);

        Message dead = Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(dead, "on the dead-letter queue");
        assertTrue(dead.getStringProperty("deadLetterReason").startsWith("malformed: amount"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals(ERP, dead.getStringProperty("deadLetterSender"));
        assertEquals("CommandRejected", Commands.reply(ERP, correlationId).getString("type"));
        assertEquals(0, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
    }

    @Test
    void replyToAnotherSystemsQueue_isDeadLettered_andNothingIsSentThere() throws Exception {
        String no = "ERP-" + newId();
        String correlationId = Commands.send(ERP, Commands.createOrder(newId(), no, 100), newId(),
                producer -> producer.setJMSReplyTo(new org.apache.activemq.artemis.jms.client.ActiveMQQueue(
                        Commands.replyQueue(POS))));

        Message dead = Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(dead);
        assertTrue(dead.getStringProperty("deadLetterReason").contains("is not the sender's reply queue"),
                dead.getStringProperty("deadLetterReason"));
        assertNull(Broker.receive(Broker.legacySystem(POS), Commands.replyQueue(POS),
                "JMSCorrelationID = '" + correlationId + "'", 2_000), "nothing in pos's replies");
        assertEquals(0, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
    }
}
