package io.exactpay.chaos;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * Which branches in doubt an instance's start-up recovery may touch. Payara's transaction manager
 * claims every branch whose qualifier begins with its recovery name and rolls back those its own
 * log does not know (presumed abort). Two instances under one name would each roll back the other's
 * freshly prepared branches whenever one of them starts: the running instance then commits its
 * other branch and the transaction ends half done (an acknowledged command with no row behind it).
 *
 * <p>This prepares two branches in PostgreSQL as the two instances would name them, neither known
 * to any log, and restarts the second instance: its recovery must roll back its own and leave the
 * other instance's alone.
 */
final class RecoveryOwnership {

    /**
     * What the restart did to each branch. The other instance's branch is left to that instance,
     * which rolls it back itself once it has been prepared for longer than {@code tx.orphan-after}
     * (see {@link #leaveForgotten}); on a slow machine that can happen while the restart runs.
     */
    record Outcome(String ownName, String otherName, boolean ownRolledBack, boolean otherStillPrepared,
                   boolean otherRolledBackByItsOwner, int deployments, int callsIntoUndeployed) {
    }

    /** What a running instance did with a branch of its own that its transaction manager does not know. */
    record Forgotten(String gid, boolean rolledBack, double seconds, boolean saidSo, boolean instanceRanThroughout) {
    }

    private final ChaosStack stack;

    RecoveryOwnership(ChaosStack stack) {
        this.stack = stack;
    }

    /** Restarts {@code restarted} while a branch named after each instance is prepared. */
    Outcome restart(ChaosStack.Instance restarted, ChaosStack.Instance other) throws Exception {
        String ownName = recoveryName(restarted);
        String otherName = recoveryName(other);
        Branch own = prepare(ownName);
        Branch others = prepare(otherName);
        Path console = console(restarted);
        long before = Files.size(console);
        long otherBefore = Files.size(console(other));
        try {
            restarted.kill();
            restarted.start();
            // Recovery runs once the restarted instance's transaction service is up; its own
            // branch going is the sign that it ran.
            boolean ownRolledBack = awaitGone(own.gid(), Duration.ofMinutes(3));
            // What the restarted instance printed: how often it deployed the application (once:
            // a copy left in its root directory must not be started and then undeployed), and
            // whether any message reached a bean of an undeployed copy.
            String since = Files.readString(console, StandardCharsets.UTF_8).substring((int) before);
            boolean otherStillPrepared = isPrepared(others.gid());
            String otherSaid = Files.readString(console(other), StandardCharsets.UTF_8).substring((int) otherBefore);
            return new Outcome(ownName, otherName, ownRolledBack, otherStillPrepared,
                    !otherStillPrepared && otherSaid.contains(ROLLED_BACK + others.gid()),
                    count(since, "Portable JNDI names for EJB DefaultOrderService"),
                    count(since, "Attempt to invoke when container is in Undeployed"));
        } finally {
            own.rollbackIfPrepared();
            others.rollbackIfPrepared();
        }
    }

    /**
     * Prepares a branch named after a running instance whose transaction its transaction manager
     * never ran, as one is left when a prepare is reported failed with its database session and
     * the rollback over that session fails too; then waits up to {@code patience} for the running
     * instance to roll it back, as its next start's recovery would (presumed abort).
     */
    Forgotten leaveForgotten(ChaosStack.Instance owner, Duration patience) throws Exception {
        long pid = owner.pid();
        long before = Files.size(console(owner));
        Branch branch = prepare(recoveryName(owner));
        long since = System.nanoTime();
        try {
            boolean gone = awaitGone(branch.gid(), patience);
            double seconds = (System.nanoTime() - since) / 1e9;
            String said = Files.readString(console(owner), StandardCharsets.UTF_8).substring((int) before);
            return new Forgotten(branch.gid(), gone, seconds, said.contains(ROLLED_BACK + branch.gid()),
                    owner.pid() == pid && owner.isAlive());
        } finally {
            branch.rollbackIfPrepared();
        }
    }

    /** How an instance says that it rolled back a branch its transaction manager had forgotten. */
    private static final String ROLLED_BACK = "rolled back branch ";

    private Path console(ChaosStack.Instance instance) {
        return stack.workDir().resolve("payara-" + instance.name + ".log");
    }

    /**
     * The name the instance's transaction manager gave itself, as written in its transaction log
     * directory, so the test follows what the runtime did, not what the configuration meant.
     */
    static String recoveryName(ChaosStack.Instance instance) throws Exception {
        Path file = instance.settings.dataDir().resolve("payara/logs/server/tx/recoveryfile");
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private Branch prepare(String recoveryName) throws Exception {
        byte[] gtrid = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        // The transaction manager's own layout: its recovery name, a comma, the branch number.
        byte[] bqual = Arrays.copyOf((recoveryName + ",").getBytes(StandardCharsets.US_ASCII),
                recoveryName.length() + 2);
        bqual[bqual.length - 1] = 9;
        Xid xid = new SimpleXid(0x4A5453, gtrid, bqual);
        XAConnection xa = dataSource().getXAConnection();
        XAResource resource = xa.getXAResource();
        resource.start(xid, XAResource.TMNOFLAGS);
        try (Statement s = xa.getConnection().createStatement()) {
            s.execute("select 1");
        }
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        xa.close();
        // The driver's name for the branch in pg_prepared_xacts.
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        String gid = xid.getFormatId() + "_" + base64.encodeToString(gtrid) + "_" + base64.encodeToString(bqual);
        if (!isPrepared(gid)) throw new IllegalStateException("the branch " + gid + " is not listed as prepared");
        return new Branch(xid, gid);
    }

    private static int count(String text, String line) {
        int n = 0;
        for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + line.length())) n++;
        return n;
    }

    private boolean awaitGone(String gid, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isPrepared(gid)) return true;
            Thread.sleep(500);
        }
        return false;
    }

    private boolean isPrepared(String gid) throws SQLException {
        try (Connection c = stack.connect();
             PreparedStatement q = c.prepareStatement("select 1 from pg_prepared_xacts where gid = ?")) {
            q.setString(1, gid);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private PGXADataSource dataSource() {
        PGXADataSource ds = new PGXADataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {Integer.parseInt(stack.settings().get("db.port"))});
        ds.setDatabaseName(stack.settings().get("db.name"));
        ds.setUser(stack.settings().get("db.user"));
        ds.setPassword(stack.settings().get("db.password"));
        return ds;
    }

    private final class Branch {
        private final Xid xid;
        private final String gid;

        Branch(Xid xid, String gid) {
            this.xid = xid;
            this.gid = gid;
        }

        String gid() {
            return gid;
        }

        /** Nothing of the test's may stay in doubt: the run's own checks count prepared transactions. */
        void rollbackIfPrepared() throws Exception {
            if (!isPrepared(gid)) return;
            XAConnection xa = dataSource().getXAConnection();
            try {
                xa.getXAResource().rollback(xid);
            } catch (XAException gone) {
                // resolved meanwhile
            } finally {
                xa.close();
            }
        }
    }

    private record SimpleXid(int getFormatId, byte[] getGlobalTransactionId, byte[] getBranchQualifier)
            implements Xid {
    }
}
