package io.keyturn.client;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keyturn's WAR (system property {@code keyturn.war}) in a Payara Micro started by the test (system property
 * {@code payara.micro.jar}), Hazelcast off, on a free port, with its H2 database in a file under
 * {@code keyturn.it.directory} opened with {@code AUTO_SERVER=TRUE} so the test can read what the server stored.
 * The grace window is off: a second refresh with one token is then reuse, which the server answers by revoking the
 * session, so a client that refreshed twice cannot go unnoticed.
 */
final class PayaraKeyturn implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "client-it admin passphrase";
    private static final String DB_USER = "keyturn";
    private static final String DB_PASSWORD = "client-it";
    private static final Duration START_DEADLINE = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final String databaseUrl;
    private final Path log;

    private PayaraKeyturn(Process process, int port, String databaseUrl, Path log) {
        this.process = process;
        this.port = port;
        this.databaseUrl = databaseUrl;
        this.log = log;
    }

    static PayaraKeyturn start() throws Exception {
        Path directory = Path.of(System.getProperty("keyturn.it.directory", "target/it"));
        deleteRecursively(directory);
        Files.createDirectories(directory);
        String databaseUrl = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("keyturn")
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
        int port = freePort();
        File war = new File(required("keyturn.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No Keyturn WAR at " + war + ": build it at the repository root with "
                    + "./mvnw -B -Dkeyturn.cds.skip=true package -DskipTests");
        }
        List<String> command = List.of(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
                "-jar", required("payara.micro.jar"), "--deploy", war.getPath(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast");
        Path log = directory.resolve("payara.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "KEYTURN_DB_URL", databaseUrl,
                "KEYTURN_DB_USER", DB_USER,
                "KEYTURN_DB_PASSWORD", DB_PASSWORD,
                "KEYTURN_ISSUER", "http://127.0.0.1:" + port,
                "KEYTURN_ADMIN_USERNAME", ADMIN,
                "KEYTURN_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "KEYTURN_REFRESH_TOKEN_GRACE_SECONDS", "0",
                "KEYTURN_ACCESS_TOKEN_TTL_SECONDS", "60"));
        PayaraKeyturn keyturn = new PayaraKeyturn(builder.start(), port, databaseUrl, log);
        keyturn.awaitReady();
        return keyturn;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** How many refresh tokens the server has issued in this session: the login's one plus one per refresh. */
    long refreshTokensOfSession(String sessionId) throws SQLException {
        return queryLong("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ?", sessionId);
    }

    /** The session of the newest refresh token (the tokens are stored as hashes, so look the session up by it). */
    String sessionOfRefreshToken(String refreshToken) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(refreshToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String hash = java.util.HexFormat.of().formatHex(digest);
        try (Connection db = DriverManager.getConnection(databaseUrl, DB_USER, DB_PASSWORD);
                var query = db.prepareStatement("SELECT session_id FROM refresh_tokens WHERE token_hash = ?")) {
            query.setString(1, hash);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("the server stores no such refresh token");
                }
                return rows.getString(1);
            }
        }
    }

    boolean sessionRevoked(String sessionId) throws SQLException {
        return queryLong("SELECT COUNT(*) FROM sessions WHERE id = ? AND revoked_at IS NOT NULL", sessionId) == 1;
    }

    private long queryLong(String sql, String parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection(databaseUrl, DB_USER, DB_PASSWORD);
                var query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest ready = HttpRequest.newBuilder(uri().resolve("/health/ready")).build();
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro died while starting; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500); // polling for readiness, not timing anything
        }
        close();
        throw new IllegalStateException("Keyturn was not ready within " + START_DEADLINE + "; see " + log);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("Set the system property " + property + " (the pom does)");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
