package io.exactpay.bench;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.exactpay.server.Settings;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.postgresql.xa.PGXADataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling a settlement could reach: the same work shape as settling a payment (lock the order
 * row, insert the capture, update the order, send one 500-byte persistent message) in one XA
 * transaction over the same PostgreSQL and Artemis, coordinated by Narayana with its transaction
 * log synced, and nothing else: no HTTP, no JPA, no container, no channel.
 */
final class RawXaLoop implements AutoCloseable {

    static final String QUEUE = "exactpay.bench.raw-xa";
    private static final byte[] PAYLOAD = new byte[500];

    private final Settings settings;
    private final TransactionManager transactions;
    private final ActiveMQXAConnectionFactory brokerConnections;
    private final AtomicInteger workers = new AtomicInteger();

    RawXaLoop(Settings settings, Path transactionLog) throws Exception {
        this.settings = settings;
        configureNarayana(transactionLog);
        this.transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        String url = "tcp://" + settings.get("broker.host") + ":" + settings.get("broker.port");
        this.brokerConnections = new ActiveMQXAConnectionFactory(url, settings.get("broker.user"),
                settings.get("broker.password"));
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(settings.get("broker.user"), settings.get("broker.password"),
                     false, true, true, false, 0)) {
            // The broker creates nothing on its own (auto-create is off): the address, then its queue.
            if (!session.queueQuery(SimpleString.of(QUEUE)).isExists()) {
                session.createAddress(SimpleString.of(QUEUE), RoutingType.ANYCAST, false);
                session.createQueue(QueueConfiguration.of(QUEUE).setAddress(QUEUE).setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true));
            }
        }
        try (Connection c = BenchDatabase.connect(settings); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_xa_order (id int primary key, status varchar(16) not null,"
                    + " captures int not null)");
            s.execute("create table if not exists bench_xa_capture (id bigserial primary key, order_id int not null,"
                    + " channel_txn_id varchar(64) not null unique, amount_minor bigint not null,"
                    + " captured_at timestamptz not null)");
        }
    }

    private static void configureNarayana(Path transactionLog) throws Exception {
        String store = Files.createDirectories(transactionLog).toAbsolutePath().toString();
        for (String name : List.of("default", "communicationStore", "stateStore")) {
            ObjectStoreEnvironmentBean bean = BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class,
                    "default".equals(name) ? null : name);
            bean.setObjectStoreDir(store);
            bean.setTransactionSync(true); // the log is synced at prepare, as Payara's is
        }
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("bench-raw-xa");
        } catch (CoreEnvironmentBeanException e) {
            throw new IllegalStateException(e);
        }
        arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
    }

    /** A worker with its own database and broker connections and its own order row. */
    XaThroughput.Worker worker() throws Exception {
        int orderId = workers.incrementAndGet();
        PGXADataSource dataSource = BenchDatabase.xaDataSource(settings);
        javax.sql.XAConnection databaseXa = dataSource.getXAConnection();
        Connection db = databaseXa.getConnection();
        try (PreparedStatement insert = db.prepareStatement("insert into bench_xa_order (id, status, captures)"
                + " values (?, 'PENDING', 0) on conflict do nothing")) {
            insert.setInt(1, orderId);
            insert.executeUpdate();
        }
        PreparedStatement lock = db.prepareStatement("select status from bench_xa_order where id = ? for update");
        PreparedStatement capture = db.prepareStatement("insert into bench_xa_capture (order_id, channel_txn_id,"
                + " amount_minor, captured_at) values (?, ?, 100, now())");
        PreparedStatement update = db.prepareStatement("update bench_xa_order set status = 'PAID',"
                + " captures = captures + 1 where id = ?");
        XAConnection brokerXa = brokerConnections.createXAConnection();
        XASession session = brokerXa.createXASession();
        MessageProducer producer = session.getSession().createProducer(session.getSession().createQueue(QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);

        XaThroughput.Transaction pay = () -> {
            transactions.begin();
            Transaction tx = transactions.getTransaction();
            try {
                tx.enlistResource(databaseXa.getXAResource());
                tx.enlistResource(session.getXAResource());
                lock.setInt(1, orderId);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) throw new IllegalStateException("no order " + orderId);
                }
                capture.setInt(1, orderId);
                capture.setString(2, UUID.randomUUID().toString());
                capture.executeUpdate();
                update.setInt(1, orderId);
                update.executeUpdate();
                BytesMessage message = session.getSession().createBytesMessage();
                message.writeBytes(PAYLOAD);
                producer.send(message);
            } catch (Exception e) {
                transactions.rollback();
                throw e;
            }
            transactions.commit();
        };
        return new XaThroughput.Worker() {
            @Override
            public XaThroughput.Transaction transaction() {
                return pay;
            }

            @Override
            public void close() throws Exception {
                brokerXa.close();
                db.close();
                databaseXa.close();
            }
        };
    }

    @Override
    public void close() {
        brokerConnections.close();
    }
}
