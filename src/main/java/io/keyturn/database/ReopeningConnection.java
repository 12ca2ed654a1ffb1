package io.keyturn.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A physical connection that is replaced by a new one when it is dead (the database went away) at a point where no
 * work can be lost by it: in auto-commit mode, or in a transaction that has not run a statement yet. Within a
 * transaction that has done work, a dead connection stays dead, so the transaction fails instead of silently
 * continuing on another connection.
 * <p>
 * A connection is dead once its driver has closed it, or when it has been idle for longer than
 * {@link #IDLE_BEFORE_VALIDATION_NANOS} and fails a validation ({@link Connection#isValid}) before its next unit of
 * work: the driver only notices a lost server when it next talks to it, so without the check every idle connection
 * in the pool would fail one request after an outage. Connections in steady use are validated only once another
 * connection of the same data source has been found dead ({@link Losses}) since they were last used: a short outage
 * (a database restarted within a second) otherwise failed one request on every connection used just before it.
 * <p>
 * Needed on WildFly: the pool it builds for a {@code @DataSourceDefinition} neither validates connections nor discards
 * the ones a failure broke, so without this Keyturn never recovers from a database outage there. Payara's pool
 * validates and discards them itself (see {@link KeyturnDatabase}); there this rarely has anything to do.
 * <p>
 * A connection its owner closed is over for good: a pool closes a connection it has discarded while a request may
 * still hold it, and reopening it then would give that request a physical connection nobody will ever commit, roll
 * back or close, whose row locks would stall every later request for the same rows.
 */
final class ReopeningConnection implements InvocationHandler {

    /** Opens a physical connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    /**
     * When one data source's connections last met a lost database: the moment one of them was found dead. Each
     * connection last used before that moment is validated before its next unit of work, since the database it
     * talked to may be gone even though it was idle for less than {@link #IDLE_BEFORE_VALIDATION_NANOS}.
     */
    static final class Losses {

        private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);

        void noticed(long nanos) {
            lastNanos.accumulateAndGet(nanos, Math::max);
        }

        boolean since(long nanos) {
            return nanos < lastNanos.get();
        }
    }

    /** Idle time after which a connection is validated before use (the bypass window of common pools). */
    static final long IDLE_BEFORE_VALIDATION_NANOS = TimeUnit.SECONDS.toNanos(1);


    /** Calls that run work on the database: the first one in a transaction makes replacing unsafe until it ends. */
    private static final Set<String> STARTS_WORK = Set.of("createStatement", "prepareStatement", "prepareCall",
            "setSavepoint", "nativeSQL");

    private static final Set<String> ENDS_TRANSACTION = Set.of("commit", "rollback");

    /** Calls that never touch the database or need a live connection. */
    private static final Set<String> PASSIVE = Set.of("close", "isClosed", "isValid", "abort", "unwrap",
            "isWrapperFor");

    private static final Logger LOG = Logger.getLogger(ReopeningConnection.class.getName());

    private final Opener opener;
    private final Losses losses;
    private final LongSupplier clock;
    private Connection delegate;
    private boolean autoCommit;
    private boolean workInTransaction;
    private boolean closedByOwner;
    private long lastUsed;

    private ReopeningConnection(Opener opener, Losses losses, Connection first, LongSupplier clock)
            throws SQLException {
        this.opener = opener;
        this.losses = losses;
        this.clock = clock;
        this.delegate = first;
        this.autoCommit = first.getAutoCommit();
        this.lastUsed = clock.getAsLong();
    }

    static Connection open(Opener opener, Losses losses) throws SQLException {
        return open(opener, losses, System::nanoTime);
    }

    static Connection open(Opener opener, Losses losses, LongSupplier nanoClock) throws SQLException {
        Connection first = opener.open();
        if (first == null) {
            return null;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new ReopeningConnection(opener, losses, first, nanoClock));
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
        if (PASSIVE.contains(name)) {
            closedByOwner |= name.equals("close");
            if (name.equals("isValid") && (int) args[0] == 0) {
                // Payara's pool checks connections with isValid(0), "no limit": a server that stopped answering
                // would hang the check, and with it every request waiting for a connection
                return delegate.isValid(NetworkTimeouts.VALIDATION_SECONDS);
            }
            return call(method, args);
        }
        if (closedByOwner) {
            throw new SQLNonTransientConnectionException("The connection was closed by its owner", "08003");
        }
        boolean replaceable = autoCommit || !workInTransaction;
        if (replaceable && dead()) {
            reopen();
        }
        try {
            Object result = call(method, args);
            afterCall(name, args);
            return result;
        } catch (SQLException failure) {
            if (delegate.isClosed()) {
                losses.noticed(clock.getAsLong()); // its driver gave it up in this call
            }
            if (name.equals("setAutoCommit") && replaceable && delegate.isClosed()) {
                // the connection died just now, at a point where nothing was in progress: the new one is switched
                reopen();
                call(method, args);
                afterCall(name, args);
                return null;
            }
            if (ENDS_TRANSACTION.contains(name) && args == null || name.equals("setAutoCommit")) {
                // the caller learns here that its transaction failed: whatever it did is over, so the next unit of
                // work may start on a new connection
                afterCall(name, args);
            }
            throw failure;
        } finally {
            lastUsed = clock.getAsLong();
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void afterCall(String name, Object[] args) {
        switch (name) {
            case "setAutoCommit" -> {
                autoCommit = (Boolean) args[0];
                workInTransaction = false;
            }
            case "commit" -> workInTransaction = false;
            case "rollback" -> workInTransaction = workInTransaction && args != null; // to a savepoint: still open
            default -> workInTransaction = workInTransaction || (!autoCommit && STARTS_WORK.contains(name));
        }
    }

    private boolean dead() throws SQLException {
        long now = clock.getAsLong();
        boolean suspect = now - lastUsed > IDLE_BEFORE_VALIDATION_NANOS || losses.since(lastUsed);
        if (delegate.isClosed() || suspect && !delegate.isValid(NetworkTimeouts.VALIDATION_SECONDS)) {
            losses.noticed(now);
            return true;
        }
        return false;
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
        workInTransaction = false;
        LOG.info("Replaced a database connection that had died");
    }
}
