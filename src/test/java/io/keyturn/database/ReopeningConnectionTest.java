package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dead connection is replaced only where no work can be lost by it. The last tests use a real H2 server over TCP
 * that is stopped under an open connection, which is what a database outage looks like to the driver: the
 * connection is not closed, it just no longer answers.
 */
class ReopeningConnectionTest {

    private static final long IDLE = ReopeningConnection.IDLE_BEFORE_VALIDATION_NANOS + 1;

    private final List<Connection> physical = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    /** One data source's: shared by every connection a test opens. */
    private final ReopeningConnection.Losses losses = new ReopeningConnection.Losses();
    private String url = "jdbc:h2:mem:reopen;DB_CLOSE_DELAY=-1";
    private final List<Server> servers = new ArrayList<>();

    private Connection open() throws SQLException {
        return ReopeningConnection.open(() -> {
            Connection connection = DriverManager.getConnection(url);
            physical.add(connection);
            return connection;
        }, losses, clock::get);
    }

    private void serveOverTcp() throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        servers.add(server);
        url = "jdbc:h2:tcp://localhost:" + server.getPort() + "/mem:reopen-" + servers.size() + ";DB_CLOSE_DELAY=-1";
    }

    /** The database goes away and comes back, here at another address, which the opener then names. */
    private void outageAndReturn() throws SQLException {
        servers.get(servers.size() - 1).stop();
        serveOverTcp();
    }

    @AfterEach
    void stopServers() {
        servers.forEach(Server::stop);
    }

    private static int one(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void inAutoCommitModeADeadConnectionIsReplacedAtTheNextCall() throws SQLException {
        try (Connection connection = open()) {
            assertEquals(1, one(connection));
            physical.get(0).close(); // what the driver does when the database went away
            assertEquals(1, one(connection));
            assertEquals(2, physical.size(), "a new physical connection");
            assertTrue(connection.getAutoCommit());
            assertTrue(connection.isValid(1));
        }
        assertTrue(physical.get(1).isClosed(), "closing the connection closes the physical one");
    }

    @Test
    void withinATransactionADeadConnectionStaysDeadUntilTheTransactionEnds() throws SQLException {
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            assertEquals(1, one(connection));
            physical.get(0).close();
            assertThrows(SQLException.class, () -> one(connection), "the transaction fails");
            assertFalse(connection.isValid(1));
            assertEquals(1, physical.size(), "no silent switch to another connection mid-transaction");

            // ending the transaction by switching to auto-commit would commit it: that fails and is reported
            assertThrows(SQLException.class, () -> connection.setAutoCommit(true));
            assertEquals(1, physical.size());
            assertTrue(connection.getAutoCommit(), "the next unit of work runs in auto-commit mode");
            assertEquals(1, one(connection));
            assertEquals(2, physical.size());
        }
    }

    @Test
    void aTransactionStartingOnADeadConnectionGetsANewOne() throws SQLException {
        try (Connection connection = open()) {
            physical.get(0).close();
            connection.setAutoCommit(false); // the pool begins a transaction
            assertFalse(connection.getAutoCommit());
            assertEquals(1, one(connection));
            connection.commit();
            assertEquals(2, physical.size());
        }
    }

    @Test
    void anIdleConnectionWhoseServerWentAwayIsReplacedBeforeTheNextTransaction() throws SQLException {
        serveOverTcp();
        try (Connection connection = open()) {
            assertEquals(1, one(connection));
            outageAndReturn(); // the driver has not noticed yet
            assertFalse(physical.get(0).isClosed(), "the driver cannot know before it talks to the server");

            clock.addAndGet(IDLE);
            connection.setAutoCommit(false); // the pool begins a transaction
            assertEquals(1, one(connection));
            connection.commit();
            assertEquals(2, physical.size(), "validated and replaced before the transaction's first statement");
        }
    }

    @Test
    void aConnectionInSteadyUseIsNotValidated() throws SQLException {
        serveOverTcp();
        try (Connection connection = open()) {
            assertEquals(1, one(connection));
            outageAndReturn();

            // used within the idle window: no validation, so the first statement meets the outage
            assertThrows(SQLException.class, () -> one(connection));
            assertEquals(1, physical.size());
            assertEquals(1, one(connection), "the driver has closed it now, so it is replaced at the next call");
            assertEquals(2, physical.size());
        }
    }

    /**
     * A database restarted within the idle window: one request meets the outage, and the pool's other connections,
     * used just before it, are checked instead of failing a request each (seen on WildFly: the first login after a
     * short outage answered 503 on such a connection, though the readiness check was already UP again).
     */
    @Test
    void onceOneConnectionIsFoundDeadTheOthersUsedBeforeAreValidatedAtTheirNextCall() throws SQLException {
        serveOverTcp();
        try (Connection usedBefore = open(); Connection metTheOutage = open()) {
            assertEquals(1, one(usedBefore));
            assertEquals(1, one(metTheOutage));
            outageAndReturn();

            clock.incrementAndGet(); // well within the idle window
            assertThrows(SQLException.class, () -> one(metTheOutage), "the first statement meets the outage");
            clock.incrementAndGet();
            assertEquals(1, one(metTheOutage), "its driver closed it: replaced");
            assertEquals(3, physical.size());

            clock.incrementAndGet();
            assertEquals(1, one(usedBefore), "validated and replaced instead of failing");
            assertEquals(4, physical.size());
            assertEquals(1, one(usedBefore));
            assertEquals(4, physical.size(), "validated once: used since the loss was noticed");
        }
    }

    @Test
    void aConnectionThatPassesItsCheckAfterALossElsewhereIsKept() throws SQLException {
        try (Connection healthy = open(); Connection lost = open()) {
            assertEquals(1, one(healthy));
            physical.get(1).close(); // the driver gave this one up
            clock.incrementAndGet();
            assertEquals(1, one(lost));
            clock.incrementAndGet();
            assertEquals(1, one(healthy), "checked, and still good");
            assertEquals(3, physical.size(), "only the dead one was replaced");
        }
    }

    @Test
    void aTransactionThatHasRunAStatementIsNeverMovedToAnotherConnection() throws SQLException {
        serveOverTcp();
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            assertEquals(1, one(connection));
            outageAndReturn();

            clock.addAndGet(IDLE);
            assertThrows(SQLException.class, () -> one(connection), "the transaction fails");
            assertThrows(SQLException.class, connection::commit, "its commit too");
            assertEquals(1, physical.size(), "no silent switch mid-transaction");

            connection.rollback(); // the pool ends the failed transaction; its rollback cannot reach the server
            connection.setAutoCommit(true);
            assertEquals(1, one(connection));
            assertEquals(2, physical.size());
        }
    }

    @Test
    void aConnectionThatDiesWhileAutoCommitIsSwitchedIsReplacedThere() throws SQLException {
        serveOverTcp();
        try (Connection connection = open()) {
            assertEquals(1, one(connection));
            outageAndReturn();

            // within the idle window nothing is validated: the switch itself meets the dead connection
            connection.setAutoCommit(false);
            assertFalse(connection.getAutoCommit());
            assertEquals(1, one(connection));
            connection.commit();
            assertEquals(2, physical.size());
        }
    }

    @Test
    void aConnectionItsOwnerClosedIsNeverReopened() throws SQLException {
        Connection connection = open();
        assertEquals(1, one(connection));
        connection.close(); // what a pool does to a connection it discards, even one a request still holds

        SQLException refused = assertThrows(SQLException.class, () -> connection.setAutoCommit(false));
        assertEquals("08003", refused.getSQLState(), "connection does not exist");
        assertThrows(SQLException.class, connection::createStatement);
        assertTrue(connection.isClosed());
        assertEquals(1, physical.size(), "no physical connection was opened behind the owner's back");
    }
}
