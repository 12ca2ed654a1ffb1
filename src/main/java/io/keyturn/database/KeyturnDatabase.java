package io.keyturn.database;

import jakarta.annotation.Resource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Keyturn's database: the pooled data source every part uses, and the schema, which versioned Flyway migrations
 * ({@code db/migration}) create and evolve before anything else touches it.
 */
@DataSourceDefinition(
        name = KeyturnDatabase.JNDI_NAME,
        className = "io.keyturn.database.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        // seconds a request waits for a pooled connection before failing (and, with the database gone, answering 503)
        loginTimeout = 5,
        // Payara's pool: test each connection before handing it out and drop them all after one fails, so the
        // service recovers by itself when the database comes back. Other servers ignore these names.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits each migration itself
public class KeyturnDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/keyturn";
    private static final Logger LOG = Logger.getLogger(KeyturnDatabase.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(KeyturnDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
