package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class WriteConflictsTest {

    /** What MySQL Connector/J reports for a deadlock or a Galera certification failure, wrapped as JPA wraps it. */
    private static final SQLException CERTIFICATION_FAILURE = new SQLException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    @Test
    void aDeadlockOrCertificationFailureAnywhereInTheCausesIsAConflict() {
        assertTrue(WriteConflicts.causedBy(CERTIFICATION_FAILURE));
        assertTrue(WriteConflicts.causedBy(new PersistenceException("flush failed",
                new IllegalStateException(CERTIFICATION_FAILURE))));
        assertTrue(WriteConflicts.causedBy(new SQLException("deadlock", "HY000", 1213)));
        assertTrue(WriteConflicts.causedBy(new SQLException("serialization failure", "40001", 0)));
        assertTrue(WriteConflicts.causedBy(new RuntimeException(new SQLTransactionRollbackException("rolled back"))));
    }

    @Test
    void aCommitTheTransactionManagerRolledBackIsAConflict() {
        assertTrue(WriteConflicts.causedBy(new RuntimeException("commit failed", new RollbackException())));
        assertTrue(WriteConflicts.causedBy(new TransactionalException("exception during commit",
                new SystemException())));
        assertTrue(WriteConflicts.failedCommit(new TransactionalException("exception during commit",
                new SystemException())));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(WriteConflicts.causedBy(new IllegalStateException("a bug")));
        assertFalse(WriteConflicts.causedBy(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(WriteConflicts.causedBy(new SQLException("lock wait timeout", "HY000", 1205)));
        // Connector/J gives a lock wait timeout the deadlock's SQLState, and a rollback exception class
        assertFalse(WriteConflicts.causedBy(new PersistenceException(new SQLTransactionRollbackException(
                "Lock wait timeout exceeded; try restarting transaction", "40001", 1205))));
    }

    @Test
    void aLockWaitTimeoutAtCommitIsNoConflictThoughTheTransactionManagerRolledBack() {
        // the chain the probe saw for a logout whose UPDATE waited at commit on MariaDB
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new PersistenceException(new SQLTransactionRollbackException(
                "Lock wait timeout exceeded; try restarting transaction", "40001", 1205)));
        assertFalse(WriteConflicts.causedBy(new TransactionalException("exception during commit", atCommit)));
        assertTrue(WriteConflicts.lockWaitTimedOut(new TransactionalException("exception during commit", atCommit)));

        RollbackException h2AtCommit = new RollbackException("commit failed");
        h2AtCommit.initCause(new SQLException("Timeout trying to lock table", "HYT00", 50200));
        assertFalse(WriteConflicts.causedBy(h2AtCommit));
    }

    @Test
    void aLockWaitTimeoutIsToldApartFromConflictsAndOtherFailures() {
        // MariaDB through Connector/J, as JPA wraps it, and H2's lock timeout
        assertTrue(WriteConflicts.lockWaitTimedOut(new PersistenceException(new SQLTransactionRollbackException(
                "Lock wait timeout exceeded; try restarting transaction", "40001", 1205))));
        assertTrue(WriteConflicts.lockWaitTimedOut(new RuntimeException(new IllegalStateException(
                new SQLException("Timeout trying to lock table", "HYT00", 50200)))));
        assertFalse(WriteConflicts.lockWaitTimedOut(CERTIFICATION_FAILURE));
        assertFalse(WriteConflicts.lockWaitTimedOut(new IllegalStateException("a bug")));
        assertFalse(WriteConflicts.lockWaitTimedOut(new SQLException("Communications link failure", "08S01")));
    }

    @Test
    void anUnreachableDatabaseIsAnOutageNotAConflict() {
        RollbackException rolledBack = new RollbackException("commit failed");
        rolledBack.initCause(new SQLException("Communications link failure", "08S01"));
        assertFalse(WriteConflicts.causedBy(rolledBack));
    }
}
