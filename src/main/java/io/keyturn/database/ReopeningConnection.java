package io.keyturn.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * A physical connection that opens a new one in its place after its driver has closed it (the database went away),
 * at the next point where no transaction can be in progress on it: when it is in auto-commit mode, or when auto-commit
 * is being switched (the pool does that when a transaction begins or ends). Within a transaction a dead connection
 * stays dead, so the transaction fails instead of silently continuing on another connection.
 * <p>
 * Needed on WildFly: the pool it builds for a {@code @DataSourceDefinition} neither validates connections nor discards
 * the ones a failure broke, so without this Keyturn never recovers from a database outage there. Payara's pool
 * validates and discards them itself (see {@link KeyturnDatabase}); there this never has anything to do.
 */
final class ReopeningConnection implements InvocationHandler {

    /** Opens a physical connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(ReopeningConnection.class.getName());

    private final Opener opener;
    private Connection delegate;
    private boolean autoCommit;

    private ReopeningConnection(Opener opener, Connection first) throws SQLException {
        this.opener = opener;
        this.delegate = first;
        this.autoCommit = first.getAutoCommit();
    }

    static Connection open(Opener opener) throws SQLException {
        Connection first = opener.open();
        if (first == null) {
            return null;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ReopeningConnection(opener, first));
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "ReopeningConnection[" + delegate + "]";
            };
        }
        boolean switchingAutoCommit = name.equals("setAutoCommit");
        if (!name.equals("close") && !name.equals("isClosed") && (autoCommit || switchingAutoCommit)
                && delegate.isClosed()) {
            reopen();
        }
        try {
            Object result = method.invoke(delegate, args);
            if (switchingAutoCommit) {
                autoCommit = (Boolean) args[0];
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void reopen() throws SQLException {
        Connection fresh = opener.open();
        if (fresh == null) {
            throw new SQLException("The JDBC driver refused the keyturn.db.url", "08001");
        }
        fresh.setAutoCommit(autoCommit);
        try {
            delegate.close();
        } catch (SQLException alreadyGone) {
            // it was closed by its driver already
        }
        delegate = fresh;
        LOG.info("Replaced a database connection its driver had closed");
    }
}
