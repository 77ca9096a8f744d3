package io.exactpay.messaging;

import io.exactpay.domain.model.order.OrderNotFoundException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The consumers' rule for a message's delivery attempts. Before the last one the work joins the
 * consumer's transaction, and a failure rolls everything back for the broker to redeliver with
 * back-off. On the last one the work runs in a transaction of its own, so that its failure can be
 * dead-lettered with the reason while the consumer's transaction consumes the message, unless
 * the failure is a passing condition of the database ({@link LaterDelivery}): then the work is
 * queued again for later instead.
 */
@ApplicationScoped
public class DeliveryAttempts {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DeliveryAttempts.class.getName());

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
        int attempt = attempt(message);
        if (attempt < maxDeliveryAttempts) return Optional.ofNullable(joined.run());
        try {
            return Optional.ofNullable(isolated.run());
        } catch (EJBException e) {
            if (LaterDelivery.passing(e) && LaterDelivery.deferrals(message) < LaterDelivery.MAX_DEFERRALS) {
                LOG.info(() -> "attempt " + attempt + " met a passing database condition ("
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
