package io.keyturn.database;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the Flyway migrations ({@code db/migration}) while Hibernate builds the persistence unit, after it has its
 * data source and before it validates the schema ({@code hibernate.hbm2ddl.auto=validate}). So the schema is always
 * migrated before anything uses it, on any server, and Hibernate only checks that the entities match it.
 * Registered through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public class SchemaMigration implements Integrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> result.migrationsExecuted == 0 ? "Database schema is up to date"
                : "Database schema migrated to version " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations applied)");
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
        // nothing to undo
    }
}
