package io.exactpay.legacy;

import com.arjuna.ats.arjuna.AtomicAction;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.objectstore.StoreManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.arjuna.state.InputObjectState;
import com.arjuna.ats.internal.arjuna.common.UidHelper;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.apache.activemq.artemis.jms.client.ActiveMQXAConnectionFactory;
import org.jboss.narayana.jta.jms.JmsXAResourceRecoveryHelper;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The legacy integration kit: Narayana as this process's standalone transaction manager over the
 * legacy system's own database and ExactPay's broker. Each {@link LegacyTransaction} enlists both
 * as XA resources, so a database change and the command sent with it (or a reply or event and the
 * database change it causes) commit together or not at all, even across a crash: the transaction
 * log records every transaction whose resources were all prepared, and the recovery manager
 * finishes it when the process starts again.
 *
 * <p>One kit per process (Narayana's configuration is process-wide). Start it when the process
 * starts, before any work, so that what a crash left in doubt is finished first; close it last.
 */
public final class LegacyKit implements AutoCloseable {

    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    private final KitConfiguration configuration;
    private final ActiveMQXAConnectionFactory brokerConnections;
    private final TransactionManager transactionManager;
    private final RecoveryManager recoveryManager;
    private final DatabaseRecovery databaseRecovery;
    private final UnaryOperator<XAResource> enlisting;

    private LegacyKit(KitConfiguration configuration, UnaryOperator<XAResource> enlisting) {
        this.configuration = configuration;
        this.enlisting = enlisting;
        ExactPayBroker broker = configuration.broker();
        this.brokerConnections = new ActiveMQXAConnectionFactory(broker.url(), broker.user(), broker.password());
        this.transactionManager = com.arjuna.ats.jta.TransactionManager.transactionManager();
        this.recoveryManager = RecoveryManager.manager(RecoveryManager.INDIRECT_MANAGEMENT);
        this.databaseRecovery = new DatabaseRecovery(configuration.database());
        XARecoveryModule xaRecovery = XARecoveryModule.getRegisteredXARecoveryModule();
        xaRecovery.addXAResourceRecoveryHelper(databaseRecovery);
        xaRecovery.addXAResourceRecoveryHelper(
                new JmsXAResourceRecoveryHelper(brokerConnections, broker.user(), broker.password()));
    }

    /**
     * Configures Narayana, starts the recovery manager and runs one recovery pass before it
     * returns: work that a crash left prepared is committed (or rolled back) first.
     */
    public static LegacyKit start(KitConfiguration configuration) {
        return start(configuration, UnaryOperator.identity());
    }

    /** As {@link #start(KitConfiguration)}, with every enlisted XA resource passed through {@code enlisting}. */
    static LegacyKit start(KitConfiguration configuration, UnaryOperator<XAResource> enlisting) {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("One LegacyKit per process: Narayana's configuration is process-wide");
        }
        try {
            configureNarayana(configuration);
            LegacyKit kit = new LegacyKit(configuration, enlisting);
            kit.recover();
            return kit;
        } catch (RuntimeException | Error e) {
            RUNNING.set(false);
            throw e;
        }
    }

    private static void configureNarayana(KitConfiguration configuration) {
        String store;
        try {
            store = Files.createDirectories(configuration.transactionLog()).toAbsolutePath().toString();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the transaction log " + configuration.transactionLog(), e);
        }
        // The default store holds the transaction log; the other two are Narayana's own bookkeeping.
        for (String name : List.of("default", "communicationStore", "stateStore")) {
            ObjectStoreEnvironmentBean bean = BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class,
                    "default".equals(name) ? null : name);
            bean.setObjectStoreDir(store);
            bean.setTransactionSync(true);
        }
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(configuration.nodeName());
        } catch (CoreEnvironmentBeanException e) {
            throw new IllegalArgumentException("Unusable node name " + configuration.nodeName(), e);
        }
        arjPropertyManager.getCoordinatorEnvironmentBean()
                .setDefaultTimeout((int) configuration.transactionTimeout().toSeconds());
        // No status socket: nothing else asks this process about its transactions.
        arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);

        JTAEnvironmentBean jta = jtaPropertyManager.getJTAEnvironmentBean();
        // Only this node's in-doubt branches without a log record are rolled back (presumed abort);
        // another process's are left to that process.
        jta.setXaRecoveryNodes(List.of(configuration.nodeName()));
        jta.setXaResourceOrphanFilterClassNames(List.of(
                "com.arjuna.ats.internal.jta.recovery.arjunacore.JTATransactionLogXAResourceOrphanFilter",
                "com.arjuna.ats.internal.jta.recovery.arjunacore.JTANodeNameXAResourceOrphanFilter"));

        RecoveryEnvironmentBean recovery = recoveryPropertyManager.getRecoveryEnvironmentBean();
        recovery.setRecoveryListener(false);
        recovery.setRecoveryModuleClassNames(List.of(
                "com.arjuna.ats.internal.arjuna.recovery.AtomicActionRecoveryModule",
                "com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule"));
        recovery.setExpiryScannerClassNames(List.of(
                "com.arjuna.ats.internal.arjuna.recovery.ExpiredTransactionStatusManagerScanner"));
        recovery.setRecoveryBackoffPeriod(1);
        recovery.setPeriodicRecoveryPeriod((int) Math.max(1, configuration.recoveryPeriod().toSeconds()));
    }

    /** Begins a transaction on the calling thread; commit it there or close it to roll it back. */
    public LegacyTransaction begin() {
        try {
            transactionManager.begin();
            return new LegacyTransaction(transactionManager, transactionManager.getTransaction(), configuration,
                    brokerConnections, enlisting);
        } catch (jakarta.transaction.NotSupportedException | SystemException e) {
            throw new IllegalStateException("Cannot begin a transaction (one already runs on this thread?)", e);
        }
    }

    /** Work that runs in one transaction: it commits if the work returns, rolls back if it throws. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(LegacyTransaction transaction) throws Exception;
    }

    public <T> T inTransaction(TransactionWork<T> work) throws Exception {
        try (LegacyTransaction transaction = begin()) {
            T result = work.run(transaction);
            transaction.commit();
            return result;
        }
    }

    /**
     * One recovery pass now: transactions this node prepared and logged are committed in the
     * database and the broker; branches it prepared without a log record are rolled back. Runs on
     * its own every {@link KitConfiguration#recoveryPeriod()} as well.
     */
    public void recover() {
        recoveryManager.scan();
    }

    /**
     * Transactions this process logged as prepared and has not finished yet: 0 once recovery has
     * committed everything a crash left in doubt. A pass that cannot reach the database or the
     * broker leaves its transactions here for the next pass.
     */
    public int transactionsInDoubt() {
        try {
            InputObjectState uids = new InputObjectState();
            if (!StoreManager.getRecoveryStore().allObjUids(new AtomicAction().type(), uids)) {
                throw new IllegalStateException("The transaction log cannot be read");
            }
            int count = 0;
            for (Uid uid = UidHelper.unpackFrom(uids); uid.notEquals(Uid.nullUid()); uid = UidHelper.unpackFrom(uids)) {
                count++;
            }
            return count;
        } catch (ObjectStoreException | IOException e) {
            throw new IllegalStateException("The transaction log cannot be read", e);
        }
    }

    public KitConfiguration configuration() {
        return configuration;
    }

    @Override
    public void close() {
        try {
            recoveryManager.terminate();
            databaseRecovery.close();
            brokerConnections.close();
        } finally {
            RUNNING.set(false);
        }
    }
}
