package io.exactpay.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.json.JsonObject;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The broker refuses what a legacy system has no right to: a connection without the right
 * password, a send anywhere but the command queue, a read of any queue but its own replies and
 * its own events subscription. Refusals come from the broker, as security exceptions.
 */
class BrokerSecurityIT {

    private static void consume(ConnectionFactory as, String queue) {
        try (JMSContext context = as.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
            consumer.receiveNoWait();
        }
    }

    private static void send(ConnectionFactory as, String queue, String body) {
        try (JMSContext context = as.createContext()) {
            context.createProducer().send(context.createQueue(queue), body);
        }
    }

    private static long messagesAdded(String queue) {
        Queue q = SystemUnderTest.get().broker().server().locateQueue(SimpleString.of(queue));
        return q.getMessagesAdded();
    }

    @Test
    void aBadPasswordAnUnknownUserAndNoUserAreRefused() {
        assertThrows(JMSSecurityRuntimeException.class,
                () -> Broker.connectionFactory("erp", "not-erps-password").createContext().close());
        assertThrows(JMSSecurityRuntimeException.class,
                () -> Broker.connectionFactory("mallory", "x").createContext().close());
        assertThrows(JMSSecurityRuntimeException.class,
                () -> Broker.connectionFactory(null, null).createContext().close());
    }

    @Test
    void aLegacySystemCannotSendToTheSettlementQueue() {
        long before = messagesAdded(Broker.CAPTURES);

        assertThrows(JMSSecurityRuntimeException.class, () -> send(Broker.legacySystem("pos"), Broker.CAPTURES,
                "{\"type\":\"PaymentCaptured\",\"schemaVersion\":1}"));

        assertEquals(before, messagesAdded(Broker.CAPTURES), "nothing reached the settlement queue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exactpay.payment.captures", "exactpay.order.cancels", "exactpay.trade.closes",
            "exactpay.refunds"})
    void noLegacySystemCanSendSettlementWork(String queue) {
        long before = messagesAdded(queue);
        for (String system : new String[] {"erp", "pos"}) {
            assertThrows(JMSSecurityRuntimeException.class, () -> send(Broker.legacySystem(system), queue, "{}"),
                    system + " on " + queue);
        }
        assertEquals(before, messagesAdded(queue), "nothing reached " + queue);
    }

    @Test
    void aLegacySystemCannotSendToTheEventsOrTheDeadLetterQueue() {
        ConnectionFactory pos = Broker.legacySystem("pos");
        assertThrows(JMSSecurityRuntimeException.class, () -> {
            try (JMSContext context = pos.createContext()) {
                context.createProducer().send(context.createTopic("exactpay.events"), "{}");
            }
        });
        assertThrows(JMSSecurityRuntimeException.class, () -> send(pos, Broker.DEAD_LETTERS, "{}"));
        assertThrows(JMSSecurityRuntimeException.class, () -> send(pos, Commands.replyQueue("erp"), "{}"));
    }

    @Test
    void aLegacySystemCannotReadAnotherSystemsQueues() {
        ConnectionFactory pos = Broker.legacySystem("pos");
        assertThrows(JMSSecurityRuntimeException.class, () -> consume(pos, Commands.replyQueue("erp")));
        assertThrows(JMSSecurityRuntimeException.class, () -> consume(pos, "exactpay.events::exactpay.events.erp"));
    }

    @Test
    void aLegacySystemCannotReadTheCommandsTheDeadLettersOrInternalQueues() {
        ConnectionFactory erp = Broker.legacySystem("erp");
        assertThrows(JMSSecurityRuntimeException.class, () -> consume(erp, Broker.COMMANDS));
        assertThrows(JMSSecurityRuntimeException.class, () -> consume(erp, Broker.DEAD_LETTERS));
        assertThrows(JMSSecurityRuntimeException.class, () -> consume(erp, Broker.CAPTURES));
        assertThrows(JMSSecurityRuntimeException.class, () -> consume(erp, Broker.EVENTS));
    }

    @Test
    void aLegacySystemCannotOpenASubscriptionOfItsOwnMaking() {
        assertThrows(JMSSecurityRuntimeException.class, () -> {
            try (JMSContext context = Broker.legacySystem("erp").createContext();
                 JMSConsumer consumer = context.createSharedDurableConsumer(context.createTopic("exactpay.events"),
                         "erp-everything")) {
                consumer.receiveNoWait();
            }
        });
    }

    @Test
    void aLegacySystemReadsItsOwnRepliesAndItsOwnOrdersEventsOnly() throws Exception {
        String erpOrder = placeAs("erp");
        String posOrder = placeAs("pos");

        ConnectionFactory erp = Broker.legacySystem("erp");
        String ownEvents = "exactpay.events::exactpay.events.erp";
        assertNotNull(Broker.receive(erp, ownEvents, "orderId = '" + erpOrder + "'", 10_000));
        assertNull(Broker.receive(erp, ownEvents, "orderId = '" + posOrder + "'", 2_000), "pos's order is not erp's");
        assertNotNull(Broker.receive(Broker.legacySystem("pos"), "exactpay.events::exactpay.events.pos",
                "orderId = '" + posOrder + "'", 10_000));
    }

    private static String placeAs(String system) throws Exception {
        String correlationId = Commands.send(system, Commands.createOrder(UUID.randomUUID().toString(),
                system.toUpperCase() + "-" + UUID.randomUUID(), 100), UUID.randomUUID().toString(), producer -> { });
        JsonObject reply = Commands.reply(system, correlationId);
        assertEquals("OrderPlaced", reply.getString("type"), reply.toString());
        return reply.getString("orderId");
    }
}
