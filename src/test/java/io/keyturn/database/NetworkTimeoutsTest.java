package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A MySQL server that accepts connections and then never answers (a frozen process, a partition) must not hang
 * Keyturn: MySQL Connector/J waits forever by default. The black hole below is a real socket that accepts and stays
 * silent, the real driver connects to it.
 */
class NetworkTimeoutsTest {

    private static final String MYSQL = "jdbc:mysql://db.example:3306/keyturn";

    @Test
    void aMysqlUrlGetsBoundsForConnectingAndThenForEachAnswer() throws SQLException {
        Properties given = new Properties();
        given.setProperty("user", "keyturn");
        Properties connecting = NetworkTimeouts.forUrl(MYSQL + "?sslMode=REQUIRED").forConnecting(given);
        assertEquals("keyturn", connecting.getProperty("user"));
        assertEquals("5000", connecting.getProperty("connectTimeout"));
        assertEquals("5000", connecting.getProperty("socketTimeout"), "the handshake obeys only the socket timeout");
        assertNull(given.getProperty("socketTimeout"), "the given properties stay as they were");

        List<Integer> networkTimeouts = new ArrayList<>();
        NetworkTimeouts.forUrl(MYSQL).opened(recording(networkTimeouts));
        assertEquals(List.of(60_000), networkTimeouts, "longer than innodb_lock_wait_timeout's default 50 s");
    }

    @Test
    void whatTheUrlSetsItselfIsLeftAlone() throws SQLException {
        NetworkTimeouts own = NetworkTimeouts.forUrl(MYSQL + "?connectTimeout=1000&SocketTimeout=90000");
        Properties connecting = own.forConnecting(new Properties());
        assertNull(connecting.getProperty("connectTimeout"));
        assertNull(connecting.getProperty("socketTimeout"));
        List<Integer> networkTimeouts = new ArrayList<>();
        own.opened(recording(networkTimeouts));
        assertEquals(List.of(), networkTimeouts);
    }

    @Test
    void otherDatabasesGetNothing() throws SQLException {
        NetworkTimeouts h2 = NetworkTimeouts.forUrl(ConfiguredDataSource.DEFAULT_URL);
        assertEquals(new Properties(), h2.forConnecting(new Properties()));
        List<Integer> networkTimeouts = new ArrayList<>();
        h2.opened(recording(networkTimeouts));
        assertEquals(List.of(), networkTimeouts);
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsTheConnectionInsteadOfHangingIt() throws IOException {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(blackHole.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:mysql://127.0.0.1:" + blackHole.getLocalPort() + "/keyturn";
            Properties credentials = new Properties();
            credentials.setProperty("user", "keyturn");
            Properties connecting = NetworkTimeouts.forUrl(url).forConnecting(credentials);

            // without the bounds this never returns (the driver's default is no limit)
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(SQLException.class,
                    () -> ConfiguredDataSource.driverFor(url).connect(url, connecting)));
        }
    }

    @Test
    void aCheckWithoutLimitIsGivenOne() throws SQLException {
        List<Integer> validations = new ArrayList<>();
        Connection physical = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> validations.add((Integer) args[0]);
                    case "getAutoCommit" -> true;
                    default -> null;
                });
        Connection connection = ReopeningConnection.open(() -> physical, new ReopeningConnection.Losses());
        connection.isValid(0);
        connection.isValid(1);
        assertEquals(List.of(NetworkTimeouts.VALIDATION_SECONDS, 1), validations);
    }

    /** A connection that only records the network timeouts set on it. */
    private static Connection recording(List<Integer> networkTimeouts) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setNetworkTimeout")) {
                        networkTimeouts.add((Integer) args[1]);
                    }
                    return null;
                });
    }
}
