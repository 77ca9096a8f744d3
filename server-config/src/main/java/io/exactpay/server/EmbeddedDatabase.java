package io.exactpay.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL from Maven Central binaries, for the embedded run and the test suites. Its data
 * directory survives a restart. Durability is the real thing (fsync, synchronous commit), and
 * prepared transactions are enabled for XA. Every connection, local ones included, authenticates
 * with a password (SCRAM): the superuser's and the application role's are {@code db.password}.
 * The schema itself is applied by the application.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String PASSWORD_AUTHENTICATION = "scram-sha-256";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedDatabase start(Settings settings) throws IOException, SQLException {
        Path dataDir = settings.dataDir().resolve("postgres");
        Path workDir = settings.dataDir().resolve("postgres-runtime");
        OwnerOnlyFiles.directory(workDir);
        String password = settings.get("db.password");
        // initdb gives the superuser the configured password and makes every connection prove it
        // (SCRAM); the file is read once by initdb and deleted after the start.
        Path passwordFile = workDir.resolve("superuser-password");
        OwnerOnlyFiles.writeString(passwordFile, password + "\n");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPort(settings.getInt("db.port"))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // initdb's own options: these two come after the library's "-A trust" and win.
                    .setLocaleConfig("auth", PASSWORD_AUTHENTICATION)
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", settings.get("db.host"))
                    .setServerConfig("password_encryption", PASSWORD_AUTHENTICATION)
                    .setServerConfig("max_prepared_transactions", settings.get("db.max-prepared-transactions"))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir);
        try {
            database.requirePasswords(settings, dataDir);
            database.ensureApplicationDatabase(settings);
        } catch (IOException | SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /**
     * Every start: the superuser's password is the configured one and pg_hba.conf asks every
     * connection for its password. A data directory made before passwords were required (its
     * pg_hba.conf trusted every local user) is brought in line here: its superuser had no
     * password, and the trust that let this connection in is taken away by the reload.
     */
    private void requirePasswords(Settings settings, Path dataDir) throws IOException, SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role postgres password " + literal(settings.get("db.password")));
            OwnerOnlyFiles.writeString(dataDir.resolve("pg_hba.conf"), hostBasedAuthentication(settings.get("db.host")));
            s.execute("select pg_reload_conf()");
        }
    }

    /** pg_hba.conf: SCRAM for every connection; from other hosts only when the database listens beyond loopback. */
    static String hostBasedAuthentication(String listenAddresses) {
        StringBuilder hba = new StringBuilder("# Written by ExactPay at every start: every connection gives its password.\n")
                .append("local all all ").append(PASSWORD_AUTHENTICATION).append('\n')
                .append("host all all 127.0.0.1/32 ").append(PASSWORD_AUTHENTICATION).append('\n')
                .append("host all all ::1/128 ").append(PASSWORD_AUTHENTICATION).append('\n');
        if (!LoopbackAddresses.all(listenAddresses)) {
            hba.append("host all all all ").append(PASSWORD_AUTHENTICATION).append('\n');
        }
        return hba.toString();
    }

    /** Creates the application's role and database once; later starts find them in place. */
    private void ensureApplicationDatabase(Settings settings) throws SQLException {
        String user = settings.get("db.user");
        String name = settings.get("db.name");
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", user)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role " + identifier(user) + " login password "
                            + literal(settings.get("db.password")));
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + identifier(name) + " owner " + identifier(user)
                            + " encoding 'UTF8'");
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsupported database identifier: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's process id, from its lock file in the data directory. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /**
     * Ends PostgreSQL at once, as a power cut would: SIGKILL to the postmaster, whose backends end
     * when they see it gone. The next start replays the write-ahead log; prepared transactions
     * survive it and wait for their coordinator.
     */
    public void kill() throws IOException, InterruptedException {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        try {
            postgres.close(); // releases the data directory's lock; the server is gone already
        } catch (IOException | RuntimeException alreadyGone) {
            // pg_ctl finds no server to stop
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
