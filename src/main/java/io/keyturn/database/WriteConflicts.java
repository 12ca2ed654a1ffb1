package io.keyturn.database;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Set;

/**
 * Tells a transaction that lost a write conflict, and may simply be run again, from every other failure.
 * <p>
 * MySQL and MariaDB report a deadlock, and Galera a certification failure (another node committed a conflicting
 * write first), as error 1213, SQLState 40001 ("Deadlock found when trying to get lock; try restarting
 * transaction"), at a statement or at commit. A failed commit may reach the caller only as the transaction
 * manager's {@code RollbackException}, without the driver's error: for a transaction the retry began itself that
 * still means the database refused the commit, so it counts as a conflict, unless the database could not be reached
 * at all ({@link DatabaseUnavailable}: an outage is answered 503 at once, not retried).
 */
public final class WriteConflicts {

    /** ER_LOCK_DEADLOCK: a deadlock, or a Galera certification failure. */
    static final int DEADLOCK_ERROR = 1213;
    /** SQLState class 40, serialization failure (SQL standard). */
    static final String SERIALIZATION_FAILURE = "40001";

    /** Named so that no Hibernate or transaction-manager class has to be present to classify. */
    private static final Set<String> CONFLICT_FAILURES = Set.of(
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.transaction.RollbackException");

    private WriteConflicts() {
    }

    public static boolean causedBy(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
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
