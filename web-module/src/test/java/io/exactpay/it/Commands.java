package io.exactpay.it;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Order commands as a legacy system sends them: as its own broker user, answered on its own reply queue. */
public final class Commands {

    /** The legacy system the suites send as unless they name another. */
    public static final String SENDER = "erp";
    public static final String REPLIES = replyQueue(SENDER);

    private Commands() {
    }

    /** Each legacy system's reply queue, as the README names it; the only JMSReplyTo its commands may carry. */
    public static String replyQueue(String system) {
        return "exactpay.replies." + system;
    }

    /**
     * An order of {@link #SENDER}'s own (its client's, placed over HTTP with its portal token): a
     * system's remarks change only its own orders.
     */
    public static String placeSendersOrder(String merchantOrderNo, long amount) throws Exception {
        HttpResponse<String> response = Api.post("/api/v1/orders", Api.orderJson(merchantOrderNo, amount),
                Api.portalToken(SENDER));
        if (response.statusCode() != 201) {
            throw new AssertionError("order not created: HTTP " + response.statusCode() + " " + response.body());
        }
        return Api.json(response.body()).getString("id");
    }

    public static String addRemark(String messageId, String orderId, String text) {
        return Json.createObjectBuilder().add("type", "AddOrderRemark").add("schemaVersion", 1)
                .add("messageId", messageId).add("orderId", orderId).add("author", "warehouse")
                .add("text", text).build().toString();
    }

    public static String createOrder(String messageId, String merchantOrderNo, long amount) {
        return Json.createObjectBuilder().add("type", "CreateOrder").add("schemaVersion", 1)
                .add("messageId", messageId).add("merchantOrderNo", merchantOrderNo).add("amount", amount)
                .add("currency", "CNY").add("subject", "Legacy order").build().toString();
    }

    public static String cancelOrder(String messageId, String orderId, String reason) {
        return Json.createObjectBuilder().add("type", "CancelOrder").add("schemaVersion", 1)
                .add("messageId", messageId).add("orderId", orderId).add("reason", reason).build().toString();
    }

    public static String queryOrder(String messageId, String orderId) {
        return Json.createObjectBuilder().add("type", "QueryOrder").add("schemaVersion", 1)
                .add("messageId", messageId).add("orderId", orderId).build().toString();
    }

    /** Sends a command as {@link #SENDER}, asking for a reply on its queue; returns the correlation id. */
    public static String send(String body) {
        return send(body, UUID.randomUUID().toString());
    }

    public static String send(String body, String correlationId) {
        return send(SENDER, body, correlationId, producer -> { });
    }

    /** Sends a command as the legacy system {@code system}; {@code headers} may set more on the producer. */
    public static String send(String system, String body, String correlationId, Consumer<JMSProducer> headers) {
        try (JMSContext context = Broker.legacySystem(system).createContext()) {
            JMSProducer producer = context.createProducer().setJMSReplyTo(context.createQueue(replyQueue(system)))
                    .setJMSCorrelationID(correlationId);
            headers.accept(producer);
            producer.send(context.createQueue(Broker.COMMANDS), body);
        }
        return correlationId;
    }

    /** The reply to the command with this correlation id, read by the system that sent it. */
    public static JsonObject reply(String system, String correlationId) throws Exception {
        Message reply = Broker.receive(Broker.legacySystem(system), replyQueue(system),
                "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(reply, "reply for " + correlationId);
        return Api.json(((TextMessage) reply).getText());
    }
}
