package io.exactpay.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the broker accepts a connection through the resource adapter's pool. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createQueue("exactpay.order.commands");
            return HealthCheckResponse.named("broker").up().build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("broker").down().withData("error", e.toString()).build();
        }
    }
}
