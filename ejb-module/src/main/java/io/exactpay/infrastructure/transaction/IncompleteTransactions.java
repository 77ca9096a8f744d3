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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
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

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean unavailable;

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
                recoverIncomplete();
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            unavailable = true;
            LOG.log(Level.WARNING, "this server offers no recovery of incomplete transactions: " + e);
        } catch (RuntimeException e) {
            LOG.info(() -> "incomplete transactions not checked this time (" + e + "); the next pass tries again");
        } finally {
            running.set(false);
        }
    }

    private static void recoverIncomplete() throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", true, loader);
        Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
        Class<?> manager = Class.forName("com.sun.enterprise.transaction.api.ResourceRecoveryManager", true, loader);
        Method getService = locator.getClass().getMethod("getService", Class.class, Annotation[].class);
        Object recovery = getService.invoke(locator, manager, new Annotation[0]);
        if (recovery == null) throw new ClassNotFoundException("no ResourceRecoveryManager service");
        manager.getMethod("recoverIncompleteTx", boolean.class, String.class).invoke(recovery, false, null);
    }
}
