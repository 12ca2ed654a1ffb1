package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransactionException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** What counts as the database being away (503, retry later) rather than a fault in Keyturn (500). */
class DatabaseUnavailableTest {

    @Test
    void aConnectionFailureDeepInTheChainIsAnOutage() {
        SQLException lost = new SQLNonTransientConnectionException("No operations allowed after connection closed");
        assertTrue(DatabaseUnavailable.causedBy(new EJBException(new PersistenceException(lost))));
    }

    @Test
    void sqlStateClass08IsAnOutage() {
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("link failure", "08S01"))));
    }

    @Test
    void aPoolsOwnSubclassOfAConnectorsExceptionIsAnOutage() {
        class PoolSpecificException extends LocalTransactionException {
            PoolSpecificException() {
                super("could not begin a local transaction");
            }
        }
        assertTrue(DatabaseUnavailable.causedBy(new EJBException(new PoolSpecificException())));
        assertTrue(DatabaseUnavailable.causedBy(new ResourceException("no managed connection")));
    }

    @Test
    void aFailedCommitIsNoOutage() {
        // the transaction manager's report of a failed commit is a conflict to re-run (WriteConflicts): on a cluster
        // the re-run reaches another node, and with the database gone it fails to connect and is an outage then
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException(new XAException(XAException.XAER_RMFAIL))));
    }

    @Test
    void otherDatabaseErrorsAreFaults() {
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
    }
}
