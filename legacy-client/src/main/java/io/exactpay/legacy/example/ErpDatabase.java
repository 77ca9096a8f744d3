package io.exactpay.legacy.example;

import io.exactpay.legacy.LegacyTransaction;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.Settings;
import org.postgresql.xa.PGXADataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The example ERP's own database: a PostgreSQL of its own (embedded, with prepared transactions
 * enabled, as XA needs), its orders, and an inbox of every reply and event it has taken in, kept
 * by a unique key as a second line of defence behind XA.
 */
final class ErpDatabase implements AutoCloseable {

    private static final String DDL = """
            create table if not exists erp_order (
              merchant_order_no text primary key,
              exactpay_order_id uuid,
              status text not null,
              changed_at timestamptz not null default now()
            );
            create table if not exists erp_inbox (
              message_key text primary key,
              type text not null,
              order_id uuid,
              body text not null,
              taken_at timestamptz not null default now()
            );
            """;

    private final EmbeddedDatabase server;
    private final int port;

    private ErpDatabase(EmbeddedDatabase server, int port) {
        this.server = server;
        this.port = port;
    }

    static ErpDatabase start(Path dataDir, int port) throws Exception {
        EmbeddedDatabase server = EmbeddedDatabase.start(Settings.load(Map.of("data-dir", dataDir.toString(),
                "db.port", Integer.toString(port), "db.name", "erp", "db.user", "erp", "db.password", "erp",
                "db.max-prepared-transactions", "16")));
        ErpDatabase database = new ErpDatabase(server, port);
        try (Connection c = database.plain(); Statement s = c.createStatement()) {
            s.execute(DDL);
        }
        return database;
    }

    PGXADataSource xaDataSource() {
        PGXADataSource source = new PGXADataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("erp");
        source.setUser("erp");
        source.setPassword("erp");
        return source;
    }

    private Connection plain() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/erp", "erp", "erp");
    }

    static void orderStatus(LegacyTransaction tx, String merchantOrderNo, UUID exactPayOrderId, String status)
            throws SQLException {
        try (PreparedStatement ps = tx.database().prepareStatement("""
                insert into erp_order (merchant_order_no, exactpay_order_id, status) values (?, ?, ?)
                on conflict (merchant_order_no) do update
                  set exactpay_order_id = coalesce(excluded.exactpay_order_id, erp_order.exactpay_order_id),
                      status = excluded.status, changed_at = now()""")) {
            ps.setString(1, merchantOrderNo);
            ps.setObject(2, exactPayOrderId);
            ps.setString(3, status);
            ps.executeUpdate();
        }
    }

    /** Records a reply or event; false if it was taken in before (then nothing else may change). */
    static boolean inbox(LegacyTransaction tx, String key, String type, UUID orderId, String body) throws SQLException {
        try (PreparedStatement ps = tx.database().prepareStatement("""
                insert into erp_inbox (message_key, type, order_id, body) values (?, ?, ?, ?)
                on conflict (message_key) do nothing""")) {
            ps.setString(1, key);
            ps.setString(2, type);
            ps.setObject(3, orderId);
            ps.setString(4, body);
            return ps.executeUpdate() == 1;
        }
    }

    void print(String merchantOrderNo) throws SQLException {
        try (Connection c = plain();
             PreparedStatement order = c.prepareStatement(
                     "select exactpay_order_id, status from erp_order where merchant_order_no = ?");
             PreparedStatement inbox = c.prepareStatement(
                     "select message_key, type from erp_inbox where order_id = (select exactpay_order_id from erp_order"
                             + " where merchant_order_no = ?) order by taken_at")) {
            order.setString(1, merchantOrderNo);
            try (ResultSet rs = order.executeQuery()) {
                while (rs.next()) {
                    System.out.printf("erp_order  %s  exactpay order %s  %s%n", merchantOrderNo, rs.getObject(1),
                            rs.getString(2));
                }
            }
            inbox.setString(1, merchantOrderNo);
            try (ResultSet rs = inbox.executeQuery()) {
                while (rs.next()) System.out.printf("erp_inbox  %-22s %s%n", rs.getString(2), rs.getString(1));
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
