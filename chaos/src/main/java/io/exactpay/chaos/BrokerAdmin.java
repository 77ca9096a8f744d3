package io.exactpay.chaos;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.client.impl.ClientMessageImpl;

import java.util.UUID;

/**
 * The broker's management address, as an operator reads it: queue depths and the transactions
 * prepared in the broker. Signs on as ExactPay's broker user, the only one allowed to manage.
 */
final class BrokerAdmin implements AutoCloseable {

    private static final String MANAGEMENT = "activemq.management";

    private final String url;
    private final String user;
    private final String password;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ClientSession session;
    private ClientProducer producer;
    private ClientConsumer replies;
    private String replyQueue;

    BrokerAdmin(String host, int port, String user, String password) {
        this.url = "tcp://" + host + ":" + port;
        this.user = user;
        this.password = password;
    }

    /** Transactions prepared in the broker and not yet committed or rolled back. */
    synchronized int preparedTransactions() throws Exception {
        Object result = invoke(ResourceNames.BROKER, "listPreparedTransactions");
        return result instanceof Object[] list ? list.length : 0;
    }

    /** Messages waiting on a queue (delivered but unacknowledged ones included). */
    synchronized long messageCount(String queue) throws Exception {
        ClientMessage request = open().createMessage(false);
        ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
        return ((Number) call(request)).longValue();
    }

    /** Creates a durable anycast queue of that name (on its own address) unless it exists. */
    synchronized void createQueue(String name) throws Exception {
        ClientSession s = open();
        if (s.queueQuery(SimpleString.of(name)).isExists()) return;
        s.createAddress(SimpleString.of(name), java.util.EnumSet.of(RoutingType.ANYCAST), false);
        s.createQueue(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }

    /** Stops the queue's deliveries to every consumer (messages stay and wait), or lets them go on. */
    synchronized void pause(String queue, boolean paused) throws Exception {
        invoke(ResourceNames.QUEUE + queue, paused ? "pause" : "resume");
    }

    /** Moves the queue's messages to another queue, which must exist. */
    synchronized long moveAll(String queue, String to) throws Exception {
        return ((Number) invoke(ResourceNames.QUEUE + queue, "moveMessages", null, to)).longValue();
    }

    private Object invoke(String resource, String operation, Object... parameters) throws Exception {
        ClientMessage request = open().createMessage(false);
        ManagementHelper.putOperationInvocation(request, resource, operation, parameters);
        return call(request);
    }

    private Object call(ClientMessage request) throws Exception {
        try {
            request.putStringProperty(ClientMessageImpl.REPLYTO_HEADER_NAME, SimpleString.of(replyQueue));
            producer.send(request);
            ClientMessage reply = replies.receive(10_000);
            if (reply == null) throw new IllegalStateException("the broker did not answer a management request");
            if (!ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("management request failed: " + ManagementHelper.getResult(reply));
            }
            return ManagementHelper.getResult(reply);
        } catch (Exception e) {
            close(); // a broker restart leaves a dead session behind: the next call opens a new one
            throw e;
        }
    }

    private ClientSession open() throws Exception {
        if (session != null && !session.isClosed()) return session;
        locator = ActiveMQClient.createServerLocator(url).setReconnectAttempts(0).setCallTimeout(10_000);
        factory = locator.createSessionFactory();
        session = factory.createSession(user, password, false, true, true, false, 1);
        replyQueue = "exactpay.management.reply." + UUID.randomUUID();
        session.createQueue(QueueConfiguration.of(replyQueue).setRoutingType(RoutingType.ANYCAST)
                .setDurable(false).setTemporary(true));
        replies = session.createConsumer(replyQueue);
        producer = session.createProducer(MANAGEMENT);
        session.start();
        return session;
    }

    @Override
    public synchronized void close() {
        try {
            if (session != null) session.close();
        } catch (Exception ignored) {
            // the broker may be gone
        }
        if (factory != null) factory.close();
        if (locator != null) locator.close();
        session = null;
    }
}
