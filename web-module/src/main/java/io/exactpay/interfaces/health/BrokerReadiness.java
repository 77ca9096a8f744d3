package io.exactpay.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Ready only when the broker accepts a connection through the resource adapter's pool. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerReadiness.class.getName());

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createQueue("exactpay.order.commands");
            return HealthCheckResponse.named("broker").up().build();
        } catch (RuntimeException e) {
            // The exception's text names hosts and users: it goes to the log, not to whoever asks.
            LOG.log(Level.WARNING, () -> "Readiness: the broker is unavailable: " + e);
            return HealthCheckResponse.named("broker").down().withData("error", "unavailable").build();
        }
    }
}
