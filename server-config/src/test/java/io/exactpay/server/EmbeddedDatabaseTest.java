package io.exactpay.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDatabaseTest {

    private static final String PASSWORD = "a-long-test-password";

    @TempDir
    Path dataDir;

    @Test
    void everyConnectionNeedsTheConfiguredPassword() throws Exception {
        Settings settings = settings();
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(settings)) {
            assertRefused(settings, "postgres", null);
            assertRefused(settings, "postgres", "wrong-password");
            assertRefused(settings, "exactpay", null);
            assertRefused(settings, "exactpay", "wrong-password");
            assertConnects(settings, "postgres", PASSWORD);
            assertConnects(settings, "exactpay", PASSWORD);
        }
        assertFalse(Files.exists(dataDir.resolve("postgres-runtime/superuser-password")), "no password left on disk");
    }

    @Test
    void aDataDirectoryThatTrustedLocalUsersIsMadeToAskForPasswords() throws Exception {
        Settings settings = settings();
        // As earlier versions left it: initdb's "trust" for every local user, a superuser without a password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(settings.getInt("db.port"))
                .start()) {
            assertConnects(settings, "postgres", null);
        }
        try (EmbeddedDatabase ignored = EmbeddedDatabase.start(settings)) {
            assertRefused(settings, "postgres", null);
            assertRefused(settings, "postgres", "wrong-password");
            assertConnects(settings, "postgres", PASSWORD);
            assertConnects(settings, "exactpay", PASSWORD);
        }
    }

    @Test
    void otherHostsMayConnectOnlyWhenTheDatabaseListensBeyondLoopback() {
        assertFalse(EmbeddedDatabase.hostBasedAuthentication("127.0.0.1").contains("trust"));
        assertFalse(EmbeddedDatabase.hostBasedAuthentication("127.0.0.1").contains("host all all all"));
        assertTrue(EmbeddedDatabase.hostBasedAuthentication("10.0.0.5").contains("host all all all scram-sha-256"));
    }

    private Settings settings() throws Exception {
        return Settings.load(Map.of("data-dir", dataDir.toString(), "db.port", Integer.toString(freePort()),
                "db.password", PASSWORD));
    }

    private static void assertRefused(Settings s, String user, String password) {
        SQLException e = assertThrows(SQLException.class, () -> connect(s, user, password).close(),
                user + " with " + (password == null ? "no password" : "a wrong password"));
        // 28P01: password authentication failed; 08004: the server asked for a password none was given for.
        assertTrue("28P01".equals(e.getSQLState()) || "08004".equals(e.getSQLState()),
                e.getSQLState() + " " + e.getMessage());
    }

    private static void assertConnects(Settings s, String user, String password) throws SQLException {
        try (Connection c = connect(s, user, password); ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    private static Connection connect(Settings s, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        String db = user.equals("postgres") ? "postgres" : s.get("db.name");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + s.get("db.port") + "/" + db, props);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
