package io.exactpay.interfaces.health;

import io.exactpay.infrastructure.persistence.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the order database answers, in a container transaction, and has the schema. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    private DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("database").up().withData("migrations", database.migrationsApplied()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.toString()).build();
        }
    }
}
