package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DatabaseReadinessTest {

    @Test
    void upWhileTheDatabaseAnswers() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = new Connecting(() -> DriverManager.getConnection("jdbc:h2:mem:readiness"));
        assertEquals(Status.UP, readiness.call().getStatus());
    }

    @Test
    void downWhenNoConnectionCanBeHad() {
        DatabaseReadiness readiness = new DatabaseReadiness();
        readiness.dataSource = new Connecting(() -> {
            throw new SQLTransientConnectionException("connection refused");
        });
        assertEquals(Status.DOWN, readiness.call().getStatus());
        assertEquals("SQLTransientConnectionException",
                readiness.call().getData().orElseThrow().get("error"));
    }

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** A data source that opens connections the way the test says; the real pool is the container's. */
    record Connecting(ConnectionSource source) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return source.open();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return source.open();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
