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
import org.junit.jupiter.api.Test;

/** A connection its driver closed is replaced only where no transaction can be in progress on it. */
class ReopeningConnectionTest {

    private final List<Connection> physical = new ArrayList<>();

    private Connection open() throws SQLException {
        return ReopeningConnection.open(() -> {
            Connection connection = DriverManager.getConnection("jdbc:h2:mem:reopen;DB_CLOSE_DELAY=-1");
            physical.add(connection);
            return connection;
        });
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
    void withinATransactionADeadConnectionStaysDeadUntilAutoCommitIsSwitched() throws SQLException {
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            assertEquals(1, one(connection));
            physical.get(0).close();
            assertThrows(SQLException.class, () -> one(connection), "the transaction fails");
            assertFalse(connection.isValid(1));
            assertEquals(1, physical.size(), "no silent switch to another connection mid-transaction");

            connection.setAutoCommit(true); // the pool ends the transaction
            assertEquals(2, physical.size());
            assertTrue(connection.getAutoCommit());
            assertEquals(1, one(connection));
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
}
