package io.exactpay.chaos;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A legacy system (the broker user {@code erp}) that places and cancels orders over JMS. A send
 * that the broker did not confirm is sent again with the same messageId, which ExactPay takes in
 * exactly once; every messageId the broker confirmed is remembered for the run's checks. A
 * CreateOrder whose reply has not come within {@link #RESEND_AFTER} is sent again with the same
 * messageId, as a legacy system does (ExactPay answers it with the order the first one placed):
 * an order held by a transaction in doubt waits for its instance's recovery, and a killed
 * instance can take minutes to come back. Those sends are counted and reported.
 */
final class LegacyErp {

    static final String NAME = "erp";
    private static final String COMMANDS = "exactpay.order.commands";
    private static final String REPLIES = "exactpay.replies." + NAME;
    static final Duration RESEND_AFTER = Duration.ofSeconds(90);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final ActiveMQConnectionFactory factory;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Every reply received, by the command's messageId: its types in the order they came. */
    private final Map<String, List<String>> replies = new ConcurrentHashMap<>();
    /**
     * The reply messages already counted. A reply taken just before the broker is killed can be
     * delivered again after its restart (its acknowledgement was not yet on the journal): the same
     * message, not a second answer, so it is counted once.
     */
    private final Set<String> replyMessages = ConcurrentHashMap.newKeySet();
    /** How many times each command was handed to the broker (a send whose answer was lost is sent again). */
    private final Map<String, Integer> sends = new ConcurrentHashMap<>();
    /** CreateOrders sent again because no reply had come within {@link #RESEND_AFTER}. */
    private final Set<String> resentForWantOfAReply = ConcurrentHashMap.newKeySet();

    LegacyErp(String host, int port, String password) {
        factory = new ActiveMQConnectionFactory("tcp://" + host + ":" + port, NAME, password);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(10_000);
    }

    /** Places an order and returns its id from the OrderPlaced reply. */
    String createOrder(String messageId, String merchantOrderNo, long amount) throws InterruptedException {
        JsonObject command = command("CreateOrder", messageId);
        command.addProperty("merchantOrderNo", merchantOrderNo);
        command.addProperty("amount", amount);
        command.addProperty("currency", "CNY");
        command.addProperty("subject", "Legacy order");
        send(messageId, command);
        JsonObject reply = reply(messageId, command);
        if (!"OrderPlaced".equals(reply.get("type").getAsString())) {
            throw new IllegalStateException("CreateOrder answered " + reply);
        }
        return reply.get("orderId").getAsString();
    }

    /** Cancels one of the system's orders; the reply is not waited for. */
    void cancelOrder(String messageId, String orderId, String reason) throws InterruptedException {
        JsonObject command = command("CancelOrder", messageId);
        command.addProperty("orderId", orderId);
        command.addProperty("reason", reason);
        send(messageId, command);
    }

    Set<String> accepted() {
        return accepted;
    }

    Set<String> resentForWantOfAReply() {
        return resentForWantOfAReply;
    }

    int sends(String messageId) {
        return sends.getOrDefault(messageId, 0);
    }

    /** Reads every reply still waiting on the system's queue, then returns all replies by messageId. */
    Map<String, List<String>> drainReplies() throws InterruptedException {
        for (int tries = 0; tries < 20; tries++) {
            try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                 JMSConsumer consumer = context.createConsumer(context.createQueue(REPLIES))) {
                for (Message m = consumer.receive(2_000); m != null; m = consumer.receive(2_000)) {
                    record(m);
                }
                return replies;
            } catch (JMSRuntimeException | JMSException brokerDown) {
                Thread.sleep(1_000);
            }
        }
        throw new IllegalStateException("could not read the replies");
    }

    /** Counts a reply under its command's messageId, once per reply message; returns its body. */
    private JsonObject record(Message reply) throws JMSException {
        JsonObject body = JsonParser.parseString(reply.getBody(String.class)).getAsJsonObject();
        if (replyMessages.add(reply.getJMSMessageID())) {
            replies.computeIfAbsent(reply.getJMSCorrelationID(), k -> new CopyOnWriteArrayList<>())
                    .add(body.get("type").getAsString());
        }
        return body;
    }

    private static JsonObject command(String type, String messageId) {
        JsonObject command = new JsonObject();
        command.addProperty("type", type);
        command.addProperty("schemaVersion", 1);
        command.addProperty("messageId", messageId);
        return command;
    }

    private void send(String messageId, JsonObject command) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
                sends.merge(messageId, 1, Integer::sum);
                TextMessage message = context.createTextMessage(command.toString());
                message.setJMSCorrelationID(messageId);
                message.setJMSReplyTo(context.createQueue(REPLIES));
                // A persistent send returns once the broker has the message on its journal.
                context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(context.createQueue(COMMANDS), message);
                accepted.add(messageId);
                return;
            } catch (JMSRuntimeException | JMSException brokerDown) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("broker unreachable", brokerDown);
                Thread.sleep(500);
            }
        }
    }

    private JsonObject reply(String messageId, JsonObject command) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long resendAt = System.nanoTime() + RESEND_AFTER.toNanos();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > resendAt) {
                resentForWantOfAReply.add(messageId);
                send(messageId, command);
                resendAt = System.nanoTime() + RESEND_AFTER.toNanos();
            }
            try (JMSContext context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                 JMSConsumer consumer = context.createConsumer(context.createQueue(REPLIES),
                         "JMSCorrelationID = '" + messageId + "'")) {
                Message reply = consumer.receive(5_000);
                if (reply != null) return record(reply);
            } catch (JMSRuntimeException | JMSException brokerDown) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("no reply to " + messageId);
    }
}
