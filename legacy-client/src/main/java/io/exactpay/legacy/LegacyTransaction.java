package io.exactpay.legacy;

import io.exactpay.legacy.contract.Command;
import io.exactpay.legacy.contract.Event;
import io.exactpay.legacy.contract.Reply;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;

import javax.transaction.xa.XAResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One XA transaction over the legacy database and ExactPay's broker. What is done through
 * {@link #database()}, {@link #send}, {@link #receiveReply} and {@link #receiveEvent} commits
 * together on {@link #commit()}; {@link #close()} without a commit rolls all of it back: no row,
 * no command, and a received message goes back to its queue.
 *
 * <p>Belongs to the thread that began it. Each resource is opened and enlisted when first used.
 */
public final class LegacyTransaction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LegacyTransaction.class.getName());

    private final TransactionManager transactionManager;
    private final Transaction transaction;
    private final KitConfiguration configuration;
    private final ActiveMQXAConnectionFactory brokerConnections;
    private final UnaryOperator<XAResource> enlisting;

    private javax.sql.XAConnection databaseXa;
    private Connection database;
    private XAConnection brokerXa;
    private XASession session;
    private boolean finished;

    LegacyTransaction(TransactionManager transactionManager, Transaction transaction, KitConfiguration configuration,
                      ActiveMQXAConnectionFactory brokerConnections, UnaryOperator<XAResource> enlisting) {
        this.transactionManager = transactionManager;
        this.transaction = transaction;
        this.configuration = configuration;
        this.brokerConnections = brokerConnections;
        this.enlisting = enlisting;
    }

    /**
     * The legacy database inside this transaction. Do not commit, roll back or close it, nor
     * change its auto-commit: the transaction does that.
     */
    public Connection database() throws SQLException {
        if (database == null) {
            databaseXa = configuration.database().getXAConnection();
            enlist(databaseXa.getXAResource());
            database = databaseXa.getConnection();
        }
        return database;
    }

    /**
     * Sends the command to ExactPay as part of this transaction: it leaves only if the
     * transaction commits. Replies come to the system's own reply queue, correlated by the
     * command's messageId.
     */
    public void send(Command command) throws JMSException {
        XASession s = session();
        try (MessageProducer producer = s.createProducer(s.createQueue(ExactPayBroker.COMMAND_QUEUE))) {
            TextMessage message = s.createTextMessage(command.toJsonText());
            message.setJMSReplyTo(s.createQueue(configuration.broker().replyQueue()));
            message.setJMSCorrelationID(command.messageId());
            message.setStringProperty("type", command.type());
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message);
        }
    }

    /**
     * Takes the next reply from the system's reply queue, waiting at most {@code wait}. It leaves
     * the queue only if this transaction commits. A body that breaks the contract throws
     * {@link io.exactpay.legacy.contract.MalformedBodyException}: roll back, and after its
     * delivery attempts the broker dead-letters it.
     */
    public Optional<Delivery<Reply>> receiveReply(Duration wait) throws JMSException {
        return receive(configuration.broker().replyQueue(), wait, Reply::parse);
    }

    /** As {@link #receiveReply}, from the system's own subscription to ExactPay's events. */
    public Optional<Delivery<Event>> receiveEvent(Duration wait) throws JMSException {
        return receive(configuration.broker().eventQueue(), wait, Event::parse);
    }

    private <T> Optional<Delivery<T>> receive(String queue, Duration wait, Function<String, T> parse)
            throws JMSException {
        XASession s = session();
        try (MessageConsumer consumer = s.createConsumer(s.createQueue(queue))) {
            Message message = consumer.receive(Math.max(1, wait.toMillis()));
            if (message == null) return Optional.empty();
            String body = message instanceof TextMessage text ? text.getText() : null;
            if (body == null) {
                throw new io.exactpay.legacy.contract.MalformedBodyException("not a text message on " + queue);
            }
            return Optional.of(new Delivery<>(parse.apply(body), message.getJMSMessageID(),
                    message.getJMSCorrelationID(), message.getIntProperty("JMSXDeliveryCount")));
        }
    }

    private XASession session() throws JMSException {
        if (session == null) {
            brokerXa = brokerConnections.createXAConnection();
            session = brokerXa.createXASession();
            enlist(session.getXAResource());
            brokerXa.start();
        }
        return session;
    }

    private void enlist(XAResource resource) {
        try {
            if (!transaction.enlistResource(enlisting.apply(resource))) {
                throw new IllegalStateException("The transaction refused the resource");
            }
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("Cannot enlist in " + transaction, e);
        }
    }

    /**
     * Commits the database change and the messages together (two-phase commit). If it throws,
     * nothing was committed, except when the exception says the outcome is heuristic.
     */
    public void commit() throws Exception {
        if (finished) throw new IllegalStateException("Already finished");
        finished = true;
        try {
            transactionManager.commit();
        } finally {
            release();
        }
    }

    /** Rolls back whatever has not been committed. */
    @Override
    public void close() {
        if (finished) return;
        finished = true;
        try {
            if (transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION) transactionManager.rollback();
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "Rollback failed; recovery will finish the transaction", e);
        } finally {
            release();
        }
    }

    private void release() {
        try {
            if (database != null) database.close();
            if (databaseXa != null) databaseXa.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing the database connection", e);
        }
        try {
            if (brokerXa != null) brokerXa.close();
        } catch (JMSException e) {
            LOG.log(Level.FINE, "Closing the broker connection", e);
        }
    }
}
