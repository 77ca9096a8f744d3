package io.exactpay.infrastructure.transaction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import javax.transaction.xa.Xid;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes the transactions this instance could not finish itself, while it keeps running.
 *
 * <p>When the second phase of a transaction fails (the database restarted under it, its session
 * was cut), Payara's transaction manager logs {@code JTS5031 ... completed: Maybe}, answers the
 * caller with a system exception and keeps the transaction as incomplete; its branch stays
 * prepared, holding its rows' locks, until the instance's next start. The transaction service's
 * {@code pending-txn-cleanup-interval} thread is no help: it retries only when the number of
 * incomplete transactions has grown since its last pass, and an exception from a pass (the
 * database still down) ends its loop for good. Chaos runs showed it: branches stayed prepared for minutes and kept
 * orders' rows and idempotency keys locked, until their instances were restarted.
 *
 * <p>So every {@code exactpay.tx.incomplete-check} this asks the order database whether a branch
 * has been prepared for longer than {@code exactpay.tx.incomplete-after}, and if one has, asks the
 * transaction manager to finish its incomplete transactions now (its own, by their global ids;
 * another instance's branches are not touched). The call is Payara's own recovery of incomplete
 * transactions (the one behind {@code asadmin recover-transactions}), reached by name because it
 * has no public API; on another server it is missing and this only logs that once.
 *
 * <p>That recovery finishes only transactions whose <em>commit</em> failed. When the session ends
 * while a branch is being prepared, PostgreSQL may keep the branch prepared although the driver
 * reported the prepare as failed; the transaction manager then decides to roll back, its rollback
 * over the dead session fails too, and it forgets the transaction ({@code JTS5068 Unexpected error
 * occurred in rollback}). Nothing in the running instance would ever finish that branch: only the
 * next start's recovery rolls it back (presumed abort: a branch its log does not know). A CI run
 * of the chaos suite left one prepared for three minutes, holding its order's row. So a branch of
 * this instance (its branch qualifier begins with the transaction manager's recovery name),
 * prepared since this instance started and for longer than {@code exactpay.tx.orphan-after}
 * (longer than any transaction may live), whose transaction the transaction manager neither runs
 * nor holds as incomplete, is rolled back here, as the next start's recovery would. A branch whose
 * commit this instance decided is never touched: a failed commit keeps its transaction among the
 * incomplete ones. Branches from before this start are left to its start-up recovery, which
 * knows their outcome from the log.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IncompleteTransactions {

    private static final Logger LOG = Logger.getLogger(IncompleteTransactions.class.getName());

    @Resource
    private TimerService timers;

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "exactpay.tx.incomplete-check", defaultValue = "PT15S")
    private Duration check;

    @Inject
    @ConfigProperty(name = "exactpay.tx.incomplete-after", defaultValue = "PT30S")
    private Duration after;

    @Inject
    @ConfigProperty(name = "exactpay.tx.orphan-after", defaultValue = "PT90S")
    private Duration orphanAfter;

    @Resource(lookup = "jdbc/exactpay")
    private DataSource database;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean unavailable;
    private volatile boolean orphansUnavailable;

    @PostConstruct
    void schedule() {
        long millis = check.toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("incomplete-transactions", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pass() {
        if (unavailable || !running.compareAndSet(false, true)) return;
        try {
            long old = ((Number) em.createNativeQuery("select count(*) from pg_prepared_xacts"
                            + " where database = current_database() and prepared < clock_timestamp() - ?1 * interval '1 second'")
                    .setParameter(1, after.toSeconds())
                    .getSingleResult()).longValue();
            if (old > 0) {
                LOG.info(() -> old + " branch(es) prepared for over " + after.toSeconds()
                        + " s; finishing this instance's incomplete transactions");
                Object recovery = recoverIncomplete();
                if (!orphansUnavailable) {
                    try {
                        rollBackOrphans(recovery.getClass().getClassLoader());
                    } catch (ReflectiveOperationException | LinkageError e) {
                        orphansUnavailable = true;
                        LOG.log(Level.WARNING, "this server's transaction manager cannot be asked which branches it"
                                + " knows; a branch it forgot stays prepared until the next start: " + e);
                    }
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            unavailable = true;
            LOG.log(Level.WARNING, "this server offers no recovery of incomplete transactions: " + e);
        } catch (RuntimeException | SQLException e) {
            LOG.info(() -> "incomplete transactions not checked this time (" + e + "); the next pass tries again");
        } finally {
            running.set(false);
        }
    }

    private static Object recoverIncomplete() throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, loader);
        Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
        Class<?> manager = Class.forName("com.sun.enterprise.transaction.api.ResourceRecoveryManager", true, loader);
        Method getService = locator.getClass().getMethod("getService", Class.class, Annotation[].class);
        Object recovery = getService.invoke(locator, manager, new Annotation[0]);
        if (recovery == null) throw new ClassNotFoundException("no ResourceRecoveryManager service");
        manager.getMethod("recoverIncompleteTx", boolean.class, String.class).invoke(recovery, false, null);
        return recovery;
    }

    /**
     * Rolls back this instance's branches prepared for longer than {@code orphanAfter} whose
     * transactions the transaction manager has forgotten (see the class comment).
     */
    private void rollBackOrphans(ClassLoader jts) throws ReflectiveOperationException, SQLException {
        Class<?> recoveryManager = Class.forName("com.sun.jts.CosTransactions.RecoveryManager", true, jts);
        // Branches from before this start are its recovery's: with the log, it knows their outcome.
        recoveryManager.getMethod("waitForRecovery").invoke(null);
        recoveryManager.getMethod("waitForResync").invoke(null);
        List<String> old = new ArrayList<>();
        try (Connection c = database.getConnection();
             PreparedStatement q = c.prepareStatement("select gid from pg_prepared_xacts where database = current_database()"
                     + " and prepared < clock_timestamp() - ? * interval '1 second' and prepared > ?")) {
            q.setLong(1, orphanAfter.toSeconds());
            q.setTimestamp(2, new Timestamp(ManagementFactory.getRuntimeMXBean().getStartTime()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) old.add(rs.getString(1));
            }
        }
        if (old.isEmpty()) return;
        Class<?> configuration = Class.forName("com.sun.jts.CosTransactions.Configuration", true, jts);
        String recoveryName = (String) configuration.getMethod("getServerName").invoke(null);
        List<BranchId> own = new ArrayList<>();
        for (String gid : old) {
            BranchId branch = BranchId.parse(gid);
            if (branch != null && branch.qualifierStartsWith(recoveryName)) own.add(branch);
        }
        if (own.isEmpty()) return;
        // Running transactions first, then incomplete ones: a transaction whose commit fails is
        // added to the incomplete ones before it leaves the running ones, so read in this order
        // none can be missed.
        List<Object> known = new ArrayList<>(staticTable(recoveryManager, "coordsByGlobalTID").keySet());
        Class<?> coordinator = Class.forName("com.sun.jts.CosTransactions.CoordinatorImpl", true, jts);
        Method globalTid = coordinator.getDeclaredMethod("getGlobalTID");
        globalTid.setAccessible(true);
        Class<?> otid = Class.forName("org.omg.CosTransactions.otid_t", true, jts);
        Class<?> globalTidClass = Class.forName("com.sun.jts.CosTransactions.GlobalTID", true, jts);
        Constructor<?> fromOtid = globalTidClass.getConstructor(otid);
        Constructor<?> fromXid = globalTidClass.getConstructor(Xid.class);
        for (Object incomplete : new ArrayList<>(staticTable(recoveryManager, "inCompleteTxMap").keySet())) {
            known.add(fromOtid.newInstance(globalTid.invoke(incomplete)));
        }
        for (BranchId branch : own) {
            Object id = fromXid.newInstance(branch);
            if (known.stream().anyMatch(id::equals)) continue;
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                s.execute("ROLLBACK PREPARED '" + branch.gid() + "'");
                LOG.warning(() -> "rolled back branch " + branch.gid() + ", prepared for over " + orphanAfter.toSeconds()
                        + " s, whose transaction this instance's transaction manager no longer knows"
                        + " (its prepare or rollback failed with its database session)");
            } catch (SQLException e) {
                LOG.info(() -> "branch " + branch.gid() + " not rolled back this time (" + e.getMessage()
                        + "); the next pass tries again");
            }
        }
    }

    private static Hashtable<?, ?> staticTable(Class<?> owner, String name) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return (Hashtable<?, ?>) field.get(null);
    }

    /** A PostgreSQL prepared transaction's id as the JDBC driver writes it: format_base64(gtrid)_base64(bqual). */
    record BranchId(String gid, int formatId, byte[] globalId, byte[] qualifier) implements Xid {

        private static final Pattern GID = Pattern.compile("(-?\\d+)_([A-Za-z0-9+/=]+)_([A-Za-z0-9+/=]+)");

        /** The id, or null when it is not one the driver wrote (then it is not this instance's). */
        static BranchId parse(String gid) {
            Matcher m = GID.matcher(gid);
            if (!m.matches()) return null;
            try {
                return new BranchId(gid, Integer.parseInt(m.group(1)), Base64.getDecoder().decode(m.group(2)),
                        Base64.getDecoder().decode(m.group(3)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean qualifierStartsWith(String name) {
            return name != null && !name.isEmpty()
                    && new String(qualifier, StandardCharsets.ISO_8859_1).startsWith(name);
        }

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return globalId.clone();
        }

        @Override
        public byte[] getBranchQualifier() {
            return qualifier.clone();
        }
    }
}
