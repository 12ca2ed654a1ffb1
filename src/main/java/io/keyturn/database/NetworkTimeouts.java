package io.keyturn.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Bounds how long Keyturn waits for a MySQL or MariaDB server that stopped answering without closing its
 * connections (a frozen process, a network partition, a failed-over address). MySQL Connector/J waits without any
 * limit by default, in the handshake of a new connection as in every statement, so one such server hung every
 * request, the pool's connection checks and {@code /health/ready} until the clients gave up.
 * <p>
 * Unless the URL names them itself: a new connection gets {@link #CONNECT_MILLIS} for its TCP connect and its
 * handshake ({@code connectTimeout}, and a {@code socketTimeout} of the same length, since the handshake only obeys
 * the latter), and once open, {@link #STATEMENT_MILLIS} for each answer: longer than MySQL's and MariaDB's default
 * lock wait ({@code innodb_lock_wait_timeout}, 50 s), so a statement waiting for a lock is still ended by the database,
 * which answers it as a lock wait (503, {@link WriteConflicts#lockWaitTimedOut}). Other databases are left alone: H2
 * runs in the server's own process.
 */
final class NetworkTimeouts {

    static final int CONNECT_MILLIS = 5_000;
    static final int STATEMENT_MILLIS = 60_000;
    /** Seconds a connection check ({@link Connection#isValid}) may take; the pool's own check asks for no limit. */
    static final int VALIDATION_SECONDS = 2;

    private static final Executor IN_CALLER = Runnable::run;

    private final boolean connectBounded;
    private final boolean statementsBounded;

    private NetworkTimeouts(boolean connectBounded, boolean statementsBounded) {
        this.connectBounded = connectBounded;
        this.statementsBounded = statementsBounded;
    }

    /** What Keyturn adds for {@code url}: nothing for other drivers, nor what the URL already sets. */
    static NetworkTimeouts forUrl(String url) {
        if (!ConfiguredDataSource.mysql(url)) {
            return new NetworkTimeouts(false, false);
        }
        return new NetworkTimeouts(!names(url, "connectTimeout"), !names(url, "socketTimeout"));
    }

    private static boolean names(String url, String property) {
        return Pattern.compile("[?&]" + property + "=", Pattern.CASE_INSENSITIVE).matcher(url).find();
    }

    /** The connection properties for the driver: {@code given} plus the connect bounds. */
    Properties forConnecting(Properties given) {
        Properties properties = new Properties();
        properties.putAll(given);
        if (connectBounded) {
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_MILLIS));
        }
        if (statementsBounded) {
            properties.setProperty("socketTimeout", String.valueOf(CONNECT_MILLIS));
        }
        return properties;
    }

    /** A connection just opened: from now on each answer may take {@link #STATEMENT_MILLIS}. */
    Connection opened(Connection connection) throws SQLException {
        if (connection != null && statementsBounded) {
            connection.setNetworkTimeout(IN_CALLER, STATEMENT_MILLIS);
        }
        return connection;
    }
}
