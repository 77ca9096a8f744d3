package io.exactpay.it;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;

import java.util.UUID;

/** Order commands as a legacy system sends them. */
public final class Commands {

    public static final String REPLIES = "exactpay.replies";

    private Commands() {
    }

    public static String addRemark(String messageId, String orderId, String text) {
        return Json.createObjectBuilder().add("type", "AddOrderRemark").add("schemaVersion", 1)
                .add("messageId", messageId).add("orderId", orderId).add("author", "warehouse")
                .add("text", text).build().toString();
    }

    /** Sends a command that asks for a reply on the shared replies queue; returns its correlation id. */
    public static String send(String body) {
        return send(body, UUID.randomUUID().toString());
    }

    public static String send(String body, String correlationId) {
        try (JMSContext context = Broker.connectionFactory().createContext()) {
            Queue replies = context.createQueue(REPLIES);
            context.createProducer().setJMSReplyTo(replies).setJMSCorrelationID(correlationId)
                    .send(context.createQueue(Broker.COMMANDS), body);
        }
        return correlationId;
    }
}
