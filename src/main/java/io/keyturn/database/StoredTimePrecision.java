package io.keyturn.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * How much of an instant the database keeps: every column is {@code DATETIME(6)} (microseconds, like Keyturn's
 * clock), but MariaDB before 11 announces itself to MySQL Connector/J as "5.5.5-10.x", and the driver, taking it for
 * MySQL 5.5, which had no fractional seconds, drops the fraction of every time it sends. Such a database keeps whole
 * seconds, so an instant reads back up to a second earlier than it was written, and a rule comparing a stored time
 * with the clock (the refresh token's grace window) has to allow for that.
 * <p>
 * Measured once, at start-up: the driver is asked to send a time with a fraction and the database to give it back.
 */
@ApplicationScoped
public class StoredTimePrecision {

    /** What a database that keeps whole seconds may take off an instant (just under a second, rounded up). */
    static final Duration WHOLE_SECONDS_LOSS = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(StoredTimePrecision.class.getName());
    private static final Instant PROBE = Instant.parse("2030-01-01T00:00:00.123456Z");

    @Resource(lookup = KeyturnDatabase.JNDI_NAME)
    DataSource dataSource;

    private volatile Duration loss;

    void measureAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        loss();
    }

    /**
     * How much earlier than written a stored instant may read back: zero where the database keeps microseconds.
     * While it cannot be measured (the database unreachable) the larger allowance is assumed, and measured again
     * at the next call.
     */
    public Duration loss() {
        Duration known = loss;
        if (known != null) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            known = keepsFractions(connection) ? Duration.ZERO : WHOLE_SECONDS_LOSS;
        } catch (SQLException | RuntimeException unreachable) {
            LOG.log(Level.INFO, "The precision of stored times could not be measured yet ({0}); allowing a second",
                    unreachable.getClass().getSimpleName());
            return WHOLE_SECONDS_LOSS;
        }
        if (!known.isZero()) {
            LOG.warning("The database keeps times in whole seconds: MySQL Connector/J drops the fractions of the times"
                    + " it sends to MariaDB before 11. Keyturn works (its refresh grace window allows for the lost"
                    + " fraction), but times read back up to a second early; MariaDB 11 or later and MySQL 8 keep"
                    + " microseconds (docs/operations.md)");
        }
        loss = known;
        return known;
    }

    private static boolean keepsFractions(Connection connection) throws SQLException {
        if (!ConfiguredDataSource.mysql(connection.getMetaData().getURL())) {
            return true; // H2 keeps what it is given, and the schema asks for microseconds
        }
        try (PreparedStatement echo = connection.prepareStatement("SELECT CAST(? AS DATETIME(6))")) {
            echo.setTimestamp(1, Timestamp.from(PROBE));
            try (ResultSet row = echo.executeQuery()) {
                row.next();
                return row.getTimestamp(1).getNanos() != 0;
            }
        }
    }
}
