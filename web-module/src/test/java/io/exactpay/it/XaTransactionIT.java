package io.exactpay.it;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.OrderService;
import io.exactpay.application.OrderView;
import io.exactpay.application.PlaceOrder;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Inside Payara Micro: placing an order writes a row through JPA and sends OrderCreated through the
 * Artemis resource adapter, and the two commit together or roll back together (XA over PostgreSQL
 * and Artemis). Read back through the server's own resources, outside any transaction.
 */
@ExtendWith(ArquillianExtension.class)
class XaTransactionIT {

    private static final String EVENTS = "exactpay.events::it.events";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(ZipImporter.class, "exactpay-xa-it.war")
                .importFrom(new File(System.getProperty("exactpay.it.war"))).as(WebArchive.class)
                .addClass(XaTransactionIT.class);
    }

    @Inject
    OrderService orders;

    @Inject
    ApplicationEvents events;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "jdbc/exactpay")
    DataSource dataSource;

    @Resource(lookup = "jms/exactpay")
    ConnectionFactory connectionFactory;

    private static PlaceOrder newOrder() {
        return new PlaceOrder("xa-suite", "XA-" + UUID.randomUUID(), 2500, "CNY", "XA test");
    }

    @Test
    void commit_orderRowAndOrderCreatedAreBothThere() throws Exception {
        OrderView order = orders.placeOrder(newOrder());

        assertEquals(1, ordersWithId(order.id()));
        assertNotNull(receiveEvent(order.id(), 10_000), "OrderCreated delivered");
    }

    @Test
    void rollbackAfterTheSend_neitherRowNorMessageIsThere() throws Exception {
        transaction.begin();
        OrderView order = orders.placeOrder(newOrder()); // row written and OrderCreated sent, uncommitted
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // A failure after the send, in the same transaction: the database rejects a statement.
            assertThrows(SQLException.class, () -> s.execute("select 1 / 0"));
        }
        transaction.rollback();

        assertEquals(0, ordersWithId(order.id()), "order row rolled back");
        assertNull(receiveEvent(order.id(), 3_000), "OrderCreated rolled back with it");
    }

    @Test
    void markedRollbackOnly_neitherRowNorMessageIsThere() throws Exception {
        transaction.begin();
        OrderView order = orders.placeOrder(newOrder());
        transaction.setRollbackOnly();
        assertThrows(jakarta.transaction.RollbackException.class, transaction::commit);

        assertEquals(0, ordersWithId(order.id()));
        assertNull(receiveEvent(order.id(), 3_000));
    }

    /**
     * The refused send leaves nothing: the same event then sent inside a transaction is the only one
     * the queue holds for that order, which also shows the selector would have found the first.
     */
    @Test
    void withoutATransaction_noEventCanBeSent() throws Exception {
        OrderView order = new OrderView(UUID.randomUUID(), "xa-suite", "XA-none", 1, "CNY", "x", "PENDING", 1,
                java.time.Instant.now(), java.time.Instant.now());

        assertThrows(TransactionalException.class, () -> events.orderCreated(order));
        transaction.begin();
        events.orderCreated(order);
        transaction.commit();

        assertNotNull(receiveEvent(order.id(), 10_000), "the event sent inside a transaction");
        assertNull(receiveEvent(order.id(), 1_000), "and no other: the refused send left nothing");
    }

    private long ordersWithId(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from orders where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Message receiveEvent(UUID orderId, long timeoutMillis) {
        try (JMSContext context = connectionFactory.createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(EVENTS), "orderId = '" + orderId + "'")) {
            return consumer.receive(timeoutMillis);
        }
    }
}
