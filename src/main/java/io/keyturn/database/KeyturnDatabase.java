package io.keyturn.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Declares Keyturn's pooled data source, the one every part uses. Its connections come from
 * {@link ConfiguredDataSource} ({@code keyturn.db.*}); the schema is migrated by {@link SchemaMigration} when the
 * persistence unit starts. An EJB only because the container reads data source definitions from components.
 */
@DataSourceDefinition(
        name = KeyturnDatabase.JNDI_NAME,
        className = "io.keyturn.database.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        // seconds a request waits for a pooled connection before failing (and, with the database gone, answering 503)
        loginTimeout = 5,
        // Payara's pool: test each connection before handing it out and replace the ones that fail, so the service
        // recovers by itself when the database comes back. Not fail-all-connections: it also closes the
        // connections requests are using, so one failed check during a failover broke requests on healthy nodes.
        // Other servers ignore these names.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation"
        })
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // like every EJB: transactions begin at controls
public class KeyturnDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/keyturn";
}
