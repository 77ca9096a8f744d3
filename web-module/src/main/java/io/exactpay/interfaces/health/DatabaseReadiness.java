package io.exactpay.interfaces.health;

import io.exactpay.infrastructure.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Ready only when the order database answers, in a container transaction, and has the schema. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Inject
    private DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("database").up().withData("migrations", database.migrationsApplied()).build();
        } catch (RuntimeException e) {
            // The exception's text names hosts and users: it goes to the log, not to whoever asks.
            LOG.log(Level.WARNING, () -> "Readiness: the database is unavailable: " + e);
            return HealthCheckResponse.named("database").down().withData("error", "unavailable").build();
        }
    }
}
