package io.exactpay.it;

import io.exactpay.server.Settings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the order database directly, as an auditor would, outside the application. */
public final class OrderDatabase {

    private OrderDatabase() {
    }

    public static Connection connect() throws SQLException {
        Settings s = SystemUnderTest.get().settings();
        return DriverManager.getConnection("jdbc:postgresql://" + s.get("db.host") + ":" + s.get("db.port") + "/"
                + s.get("db.name"), s.get("db.user"), s.get("db.password"));
    }

    public static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public static String text(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * How many other sessions wait, directly or behind another waiter, for a lock the given
     * connection holds (a row it selected for update, say).
     */
    public static long sessionsWaitingBehind(Connection holder) throws SQLException {
        long pid;
        try (var rs = holder.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            pid = rs.getLong(1);
        }
        return count("with recursive waiting(pid) as ("
                + " select pid from pg_stat_activity where ?::int = any(pg_blocking_pids(pid))"
                + " union select a.pid from pg_stat_activity a join waiting w on w.pid = any(pg_blocking_pids(a.pid)))"
                + " select count(*) from waiting", pid);
    }

    public static long inDoubtTransactions() throws SQLException {
        return count("select count(*) from pg_prepared_xacts");
    }

    /** Prepared transactions older than the given age: a healthy one commits within milliseconds. */
    public static long preparedTransactionsOlderThan(long millis) throws SQLException {
        return count("select count(*) from pg_prepared_xacts where prepared < now() - make_interval(secs => ?)",
                millis / 1000.0);
    }
}
