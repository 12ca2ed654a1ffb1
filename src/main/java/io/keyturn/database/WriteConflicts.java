package io.keyturn.database;

import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;

/**
 * Tells a transaction that lost a write conflict, and may simply be run again, from every other failure.
 * <p>
 * MySQL and MariaDB report a deadlock, and Galera a certification failure (another node committed a conflicting
 * write first), as error 1213, SQLState 40001 ("Deadlock found when trying to get lock; try restarting
 * transaction"), at a statement or at commit. A failed commit reaches the caller only as the transaction manager's
 * {@code RollbackException} or {@code SystemException}, without the driver's error (Payara logs it and drops it):
 * for a transaction the retry began itself that means the database did not confirm the commit, a lost
 * certification or a node that died while committing, so it counts as a conflict too. Running it again is safe: it
 * starts from what the database then holds (a refresh whose commit did get through finds its token rotated and
 * answers the same successor). Writes whose expected race is a duplicate key flush before commit, so that failure
 * keeps its cause and is never taken for a conflict. A database that cannot be reached at all is an outage
 * ({@link DatabaseUnavailable}), answered 503 at once, not retried.
 */
public final class WriteConflicts {

    /** ER_LOCK_DEADLOCK: a deadlock, or a Galera certification failure. */
    static final int DEADLOCK_ERROR = 1213;
    /** SQLState class 40, serialization failure (SQL standard). */
    static final String SERIALIZATION_FAILURE = "40001";
    /**
     * ER_LOCK_WAIT_TIMEOUT, which Connector/J also reports with SQLState 40001: a lock held for
     * {@code innodb_lock_wait_timeout} (50 s) is no lost race, and five more waits would only make it worse.
     */
    static final int LOCK_WAIT_TIMEOUT = 1205;
    /** H2's LOCK_TIMEOUT_1: a row or table stayed locked longer than the database's lock timeout. */
    static final int H2_LOCK_TIMEOUT = 50200;

    /** Named so that no Hibernate or transaction-manager class has to be present to classify. */
    private static final Set<String> CONFLICT_FAILURES = Set.of(
            "org.hibernate.exception.LockAcquisitionException",
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException");

    private WriteConflicts() {
    }

    /** A failed commit that the transaction manager reports without its cause, as JAX-RS must not see it. */
    public static boolean failedCommit(Throwable failure) {
        return failure instanceof TransactionalException;
    }

    /**
     * A statement that waited for a lock until the database gave up (MySQL and MariaDB error 1205, H2's lock timeout):
     * not retried here, but no fault of the request either: the same request later finds the lock released.
     */
    public static boolean lockWaitTimedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == H2_LOCK_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lost race that running the transaction again may win. A lock wait that timed out is not one, wherever it sits
     * in the chain: at commit it arrives wrapped in the transaction manager's {@code RollbackException}, which alone
     * would count as a conflict, and five more waits of {@code innodb_lock_wait_timeout} each would only hold the
     * request longer.
     */
    public static boolean causedBy(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure) || lockWaitTimedOut(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException
                    || CONFLICT_FAILURES.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK_ERROR
                    || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
