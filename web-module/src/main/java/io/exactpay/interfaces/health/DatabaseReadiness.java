package io.exactpay.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;

/** Ready only when the order database answers and has the schema. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/exactpay")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history")) {
            rs.next();
            return HealthCheckResponse.named("database").up().withData("migrations", rs.getLong(1)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", e.toString()).build();
        }
    }
}
