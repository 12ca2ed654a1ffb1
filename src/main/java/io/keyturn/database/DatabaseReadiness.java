package io.keyturn.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: without it nobody can log in or refresh. Its data also counts the
 * transactions run again after a lost write conflict, and those that gave up ({@link ConflictRetries}), for operators
 * of a cluster.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    private static final String NAME = "database";

    @Resource(lookup = KeyturnDatabase.JNDI_NAME)
    DataSource dataSource;

    /**
     * Creates this bean while the application starts, so the data source is injected then. WildFly runs health
     * checks on a management thread, where {@code java:app} names cannot be looked up: created lazily there, the
     * bean would fail to inject and the check would report DOWN for a healthy database.
     */
    void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing else to do: being called creates the bean
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            return new HealthCheckResponse(NAME, valid ? Status.UP : Status.DOWN, Optional.of(Map.of(
                    "conflictRetries", ConflictRetries.retried(),
                    "conflictRetriesExhausted", ConflictRetries.exhausted())));
        } catch (SQLException | RuntimeException e) {
            return new HealthCheckResponse(NAME, Status.DOWN,
                    Optional.of(Map.of("error", e.getClass().getSimpleName())));
        }
    }
}
