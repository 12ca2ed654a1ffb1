package io.keyturn.database;

import java.sql.Connection;
import java.sql.SQLException;
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
 * <p>
 * MySQL and MariaDB also get {@code db/migration-mysql}: statements only they need (a binary collation). Its versions
 * are numbered among the common ones, so one schema history holds both.
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
                .locations(locationsFor(urlOf(dataSource)))
                .load()
                .migrate();
        LOG.info(() -> result.migrationsExecuted == 0 ? "Database schema is up to date"
                : "Database schema migrated to version " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations applied)");
    }

    /** The migrations for a database named by its JDBC URL. */
    public static String[] locationsFor(String jdbcUrl) {
        return ConfiguredDataSource.mysql(jdbcUrl)
                ? new String[] {"classpath:db/migration", "classpath:db/migration-mysql"}
                : new String[] {"classpath:db/migration"};
    }

    private static String urlOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate its schema", e);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
        // nothing to undo
    }
}
