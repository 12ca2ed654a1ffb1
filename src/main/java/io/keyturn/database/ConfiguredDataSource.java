package io.keyturn.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JDBC database named by {@code keyturn.db.url}, {@code keyturn.db.user} and {@code keyturn.db.password}.
 * <p>
 * The container pools it (see {@link KeyturnDatabase}); this class only opens physical connections (each wrapped
 * in a {@link ReopeningConnection}, which replaces it once its driver has closed it). Reading the
 * settings here through MicroProfile Config, rather than through server-specific placeholders in the data source
 * definition, is what lets the same WAR choose its database on Payara and on WildFly alike. A {@code jdbc:mysql:}
 * URL selects MySQL Connector/J, a {@code jdbc:h2:} URL the embedded H2; both drivers travel in the WAR.
 */
public class ConfiguredDataSource implements DataSource {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/keyturn;LOCK_TIMEOUT=10000";

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    private final NetworkTimeouts timeouts;
    /** Shared by all connections this data source opens: one found dead makes the others check themselves. */
    private final ReopeningConnection.Losses losses = new ReopeningConnection.Losses();
    private int loginTimeoutSeconds;

    public ConfiguredDataSource() {
        // The pool may open connections on threads whose context class loader is not the application's.
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        this.url = config.getOptionalValue("keyturn.db.url", String.class).orElse(DEFAULT_URL);
        config.getOptionalValue("keyturn.db.user", String.class).ifPresent(u -> credentials.setProperty("user", u));
        config.getOptionalValue("keyturn.db.password", String.class)
                .ifPresent(p -> credentials.setProperty("password", p));
        this.driver = driverFor(url);
        this.timeouts = NetworkTimeouts.forUrl(url);
        H2Directory.prepare(url);
    }

    /** Whether {@code url} names MySQL or MariaDB (through MySQL Connector/J), which some rules are only for. */
    static boolean mysql(String url) {
        return url.startsWith("jdbc:mysql:");
    }

    static Driver driverFor(String url) {
        try {
            if (mysql(url)) {
                return new com.mysql.cj.jdbc.Driver();
            }
            if (url.startsWith("jdbc:h2:")) {
                return new org.h2.Driver();
            }
            return DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalStateException("keyturn.db.url names a database no bundled JDBC driver understands", e);
        }
    }

    /** A physical connection, replaced by a new one when its driver has closed it (see {@link ReopeningConnection}). */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = ReopeningConnection.open(this::connect, losses);
        if (connection == null) {
            throw new SQLException("The JDBC driver refused the keyturn.db.url");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties given = new Properties();
        given.setProperty("user", user);
        given.setProperty("password", password);
        return ReopeningConnection.open(() -> timeouts.opened(driver.connect(url, timeouts.forConnecting(given))),
                losses);
    }

    private Connection connect() throws SQLException {
        return timeouts.opened(driver.connect(url, timeouts.forConnecting(credentials)));
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections log through their drivers' own loggers
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
