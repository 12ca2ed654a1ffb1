package io.keyturn.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a failure to reach the database (answered 503, retry later) from a fault in Keyturn (500). */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** Failures raised by the JPA provider or the connection pool, named so no server-specific class is linked. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "jakarta.resource.ResourceException",
            "jakarta.resource.spi.ResourceAllocationException",
            "java.net.ConnectException",
            "com.mysql.cj.exceptions.CJCommunicationsException",
            "com.mysql.cj.jdbc.exceptions.CommunicationsException");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || isOrExtendsAConnectionFailure(cause.getClass())) {
                return true;
            }
            // SQLState class 08: connection exception (SQL standard)
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Pools report failures as subclasses of the Jakarta Connectors exceptions (WildFly's, Payara's own). */
    private static boolean isOrExtendsAConnectionFailure(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (CONNECTION_FAILURES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
