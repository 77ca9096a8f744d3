package io.exactpay.messaging;

import io.exactpay.domain.model.order.OrderBusyException;
import io.exactpay.domain.model.order.OrderNotFoundException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The consumers' rule for a message's delivery attempts. Before the last one the work joins the
 * consumer's transaction, and a failure rolls everything back for the broker to redeliver with
 * back-off. On the last one the work runs in a transaction of its own, so that its failure can be
 * dead-lettered with the reason while the consumer's transaction consumes the message. For
 * ExactPay's own settlement work, a last attempt that meets a passing condition ({@link LaterDelivery}:
 * the order busy past the lock timeout, a database restarting or out of reach) queues the work
 * again for later instead.
 *
 * <p>An order row held elsewhere past the lock timeout is expected under contention: that attempt
 * is rolled back the same way, with one line in the log instead of an exception through the
 * container and the resource adapter.
 */
@ApplicationScoped
public class DeliveryAttempts {

    /** A consumer's work on one message, in the transaction its caller chose. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws OrderNotFoundException;
    }

    /** Where the reason of a last attempt's failure goes (the dead-letter address, say). */
    @FunctionalInterface
    public interface Failure {
        void record(String reason) throws JMSException;
    }

    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class.getName());

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private LaterDelivery later;

    @Inject
    @ConfigProperty(name = "exactpay.jms.max-delivery-attempts", defaultValue = "5")
    private int maxDeliveryAttempts;

    /**
     * Runs {@code joined} before the last attempt and {@code isolated} on it; the result, or empty
     * when the last attempt failed and its reason went to {@code failure} (or the work has no result).
     */
    public <T> Optional<T> run(Message message, Work<T> joined, Work<T> isolated, Failure failure)
            throws JMSException, OrderNotFoundException {
        return run(message, joined, isolated, failure, false);
    }

    /**
     * As {@link #run}, but a last attempt that meets a passing condition queues the work again for
     * later ({@link LaterDelivery}) instead of recording its failure. For ExactPay's own work only:
     * the copy is sent by ExactPay's broker user, so a sender's command would lose its sender.
     */
    public <T> Optional<T> runOrLater(Message message, Work<T> joined, Work<T> isolated, Failure failure)
            throws JMSException, OrderNotFoundException {
        return run(message, joined, isolated, failure, true);
    }

    private <T> Optional<T> run(Message message, Work<T> joined, Work<T> isolated, Failure failure, boolean deferPassing)
            throws JMSException, OrderNotFoundException {
        int attempt = attempt(message);
        if (attempt < maxDeliveryAttempts) {
            try {
                return Optional.ofNullable(joined.run());
            } catch (OrderBusyException e) {
                String id = message.getJMSMessageID();
                LOG.info(() -> e.getMessage() + ": delivery " + attempt + " of " + id + " rolled back, to be redelivered");
                transactions.setRollbackOnly();
                return Optional.empty();
            }
        }
        try {
            return Optional.ofNullable(isolated.run());
        } catch (EJBException | OrderBusyException e) {
            if (deferPassing && (e instanceof OrderBusyException || LaterDelivery.passing(e))
                    && LaterDelivery.deferrals(message) < LaterDelivery.MAX_DEFERRALS) {
                LOG.info(() -> "attempt " + attempt + " met a passing condition ("
                        + DeadLetters.rootCause(e) + "); delivering again in " + later.delayMillis() / 1000 + " s");
                later.again(message);
                return Optional.empty();
            }
            int deferred = LaterDelivery.deferrals(message);
            failure.record("failed on attempt " + attempt + ": " + DeadLetters.rootCause(e)
                    + (deferred > 0 ? " (after " + deferred + " rounds of later delivery)" : ""));
            return Optional.empty();
        }
    }

    public static int attempt(Message message) throws JMSException {
        return message.getIntProperty("JMSXDeliveryCount");
    }
}
