package io.exactpay.legacy;

import io.exactpay.server.EmbeddedBroker;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.Settings;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.postgresql.xa.PGXADataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (the legacy system's database) and ExactPay's real broker for this module's
 * tests, on ports of their own, started once per test JVM. Child JVMs reach them on the same ports.
 */
final class TestServers {

    /**
     * Ports picked free when the test JVM starts (a fixed port would meet a server another build
     * left running and count its transactions); child JVMs are handed the same ports.
     */
    static final int DB_PORT = port("legacy.it.db.port");
    static final int BROKER_PORT = port("legacy.it.broker.port");
    static final Path DIR = Path.of(System.getProperty("legacy.it.dir", "target/it")).toAbsolutePath();

    private static EmbeddedDatabase database;
    private static EmbeddedBroker broker;

    private TestServers() {
    }

    /** What a child JVM needs to reach the same servers. */
    static List<String> childProperties() {
        return List.of("-Dlegacy.it.db.port=" + DB_PORT, "-Dlegacy.it.broker.port=" + BROKER_PORT,
                "-Dlegacy.it.dir=" + DIR);
    }

    private static int port(String property) {
        Integer given = Integer.getInteger(property);
        if (given != null) return given;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void start() throws Exception {
        if (database != null) return;
        Path data = DIR.resolve("servers");
        deleteTree(DIR);
        Settings settings = Settings.load(Map.of("data-dir", data.toString(), "db.port", Integer.toString(DB_PORT),
                "db.name", "erp", "db.user", "erp", "db.password", "erp", "db.max-prepared-transactions", "16",
                "broker.port", Integer.toString(BROKER_PORT)));
        database = EmbeddedDatabase.start(settings);
        broker = EmbeddedBroker.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stop));
        try (var c = jdbc(); Statement s = c.createStatement()) {
            s.execute(ErpSchema.DDL);
        }
    }

    private static void stop() {
        try {
            broker.close();
            database.close();
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    static EmbeddedBroker broker() {
        return broker;
    }

    static PGXADataSource xaDataSource() {
        return xaDataSource(DB_PORT);
    }

    static PGXADataSource xaDataSource(int port) {
        PGXADataSource source = new PGXADataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("erp");
        source.setUser("erp");
        source.setPassword("erp");
        return source;
    }

    static ExactPayBroker erp() {
        return erp(BROKER_PORT);
    }

    static ExactPayBroker erp(int port) {
        return new ExactPayBroker("127.0.0.1", port, "erp", "erp");
    }

    static java.sql.Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/erp", "erp", "erp");
    }

    static long count(String sql, Object... args) throws SQLException {
        try (var c = jdbc(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Transactions prepared in the legacy database and not yet committed or rolled back. */
    static long preparedInDatabase() throws SQLException {
        return count("select count(*) from pg_prepared_xacts");
    }

    static int preparedInBroker() throws Exception {
        return broker.server().getResourceManager().getPreparedTransactions().size();
    }

    /** ExactPay's side of the wire: its own broker user, as the consumers and publisher use it. */
    static Connection exactPayConnection() throws Exception {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT, "exactpay", "exactpay")
                .createConnection();
    }

    /** Takes every message now on the queue (as ExactPay's consumer would) and returns them. */
    static List<Received> drain(String queue) throws Exception {
        List<Received> taken = new ArrayList<>();
        try (Connection connection = exactPayConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message;
            while ((message = consumer.receive(300)) != null) {
                taken.add(new Received(((TextMessage) message).getText(), message.getJMSCorrelationID(),
                        message.getStringProperty("JMSXUserID"),
                        message.getJMSReplyTo() == null ? null : message.getJMSReplyTo().toString()));
            }
        }
        return taken;
    }

    record Received(String body, String correlationId, String sender, String replyTo) {
    }

    /** Publishes an event as ExactPay does: on exactpay.events, with the order's client id as a property. */
    static void publishEvent(String body, String type, String orderId) throws Exception {
        try (Connection connection = exactPayConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createTopic("exactpay.events"));
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("type", type);
            message.setStringProperty("orderId", orderId);
            message.setStringProperty("clientId", "erp");
            producer.send(message);
        }
    }

    static void sendReply(String body, String correlationId) throws Exception {
        try (Connection connection = exactPayConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("exactpay.replies.erp"));
            TextMessage message = session.createTextMessage(body);
            message.setJMSCorrelationID(correlationId);
            producer.send(message);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
