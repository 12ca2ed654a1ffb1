package io.keyturn.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: without it nobody can log in or refresh. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    private static final String NAME = "database";

    @Resource(lookup = KeyturnDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            return new HealthCheckResponse(NAME, valid ? Status.UP : Status.DOWN, Optional.empty());
        } catch (SQLException | RuntimeException e) {
            return new HealthCheckResponse(NAME, Status.DOWN,
                    Optional.of(Map.of("error", e.getClass().getSimpleName())));
        }
    }
}
