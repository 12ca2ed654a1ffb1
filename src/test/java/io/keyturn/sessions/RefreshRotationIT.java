package io.keyturn.sessions;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyturn.testing.Burst;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.ServerLog;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotation, the grace window (4 s in the test configuration), reuse detection and the concurrency rule, each
 * checked in the HTTP answers and in the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefreshRotationIT {

    private static final String PASSWORD = "correct horse battery";
    private static final long GRACE_MILLIS = 4_000;
    private static final long HOUSEKEEPING_WAIT_MILLIS = 15_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private Http http() {
        return new Http(base);
    }

    private JsonObject newUser() {
        return http().register(Http.uniqueName("rot"), PASSWORD);
    }

    private Http.Reply refresh(String refreshToken) {
        return http().post("/api/auth/refresh").bodyMode()
                .json(Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString()).send();
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
    }

    @Test
    void loginIssuesAnOpaqueRefreshTokenStoredOnlyAsItsHash() throws Exception {
        JsonObject tokens = newUser();
        String refreshToken = tokens.getString("refreshToken");
        assertTrue(refreshToken.matches("[A-Za-z0-9_-]{43}"), "256 random bits, base64url: " + refreshToken);
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?",
                sha256(refreshToken)));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ? "
                + "OR successor_hash = ?", refreshToken, refreshToken), "the token itself is never stored");
        assertEquals(tokens.getString("sessionId"), TestDatabase.text(
                "SELECT session_id FROM refresh_tokens WHERE token_hash = ?", sha256(refreshToken)));
    }

    @Test
    void refreshRotatesTheTokenAndRetiresThePresentedOne() throws Exception {
        JsonObject tokens = newUser();
        String first = tokens.getString("refreshToken");
        Http.Reply reply = refresh(first);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject rotated = reply.json();
        String second = rotated.getString("refreshToken");
        assertNotEquals(first, second);
        assertEquals(tokens.getString("sessionId"), rotated.getString("sessionId"), "same session");
        assertEquals("Bearer", rotated.getString("tokenType"));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals(200, http().get("/api/me").bearer(rotated.getString("accessToken")).send().status());
        assertNotNull(TestDatabase.text("SELECT retired_at FROM refresh_tokens WHERE token_hash = ?", sha256(first)));
        assertEquals(sha256(second), TestDatabase.text(
                "SELECT successor_hash FROM refresh_tokens WHERE token_hash = ?", sha256(first)));
        assertEquals(1, liveTokens(tokens.getString("sessionId")));
    }

    @Test
    void aRetryWithinTheGraceWindowGetsTheIdenticalSuccessor() {
        String first = newUser().getString("refreshToken");
        JsonObject once = refresh(first).json();
        Http.Reply retry = refresh(first);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(once.getString("refreshToken"), retry.json().getString("refreshToken"));
        assertNotEquals(once.getString("accessToken"), retry.json().getString("accessToken"),
                "a fresh access token each time");
        assertEquals(1, liveTokens(once.getString("sessionId")));
    }

    @Test
    void aRetiredTokenAfterTheGraceWindowRevokesTheSession() throws Exception {
        JsonObject tokens = newUser();
        String first = tokens.getString("refreshToken");
        String second = refresh(first).json().getString("refreshToken");
        Thread.sleep(GRACE_MILLIS + 1_000);
        assertProblem(refresh(first), 401, "refresh_token_reused");
        assertEquals("REUSE", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                tokens.getString("sessionId")));
        assertProblem(refresh(second), 401, "refresh_token_reused");
    }

    @Test
    void anAncestorPresentedAfterItsSuccessorWasUsedIsReuseEvenWithinTheWindow() {
        JsonObject tokens = newUser();
        String first = tokens.getString("refreshToken");
        String second = refresh(first).json().getString("refreshToken");
        String third = refresh(second).json().getString("refreshToken");
        assertProblem(refresh(first), 401, "refresh_token_reused");
        assertProblem(refresh(third), 401, "refresh_token_reused");
        assertEquals("REUSE", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                tokens.getString("sessionId")));
    }

    @Test
    void sixteenParallelRefreshesConvergeOnOneSuccessorAndLeaveOneLiveToken() throws Exception {
        JsonObject tokens = newUser();
        String first = tokens.getString("refreshToken");
        int parallel = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Http.Reply>> calls = IntStream.range(0, parallel).<Callable<Http.Reply>>mapToObj(i -> () -> {
                start.await();
                return refresh(first);
            }).toList();
            List<Future<Http.Reply>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            Set<String> successors = new java.util.HashSet<>();
            for (Future<Http.Reply> future : futures) {
                Http.Reply reply = future.get();
                assertEquals(200, reply.status(), reply::toString);
                successors.add(reply.json().getString("refreshToken"));
            }
            assertEquals(1, successors.size(), "every caller got the same successor: " + successors);
            String sessionId = tokens.getString("sessionId");
            assertEquals(1, liveTokens(sessionId), "exactly one live token");
            assertEquals(2, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ?",
                    sessionId), "the original and one successor, nothing else");
            assertEquals(sha256(successors.iterator().next()), TestDatabase.text(
                    "SELECT token_hash FROM refresh_tokens WHERE session_id = ? AND retired_at IS NULL", sessionId));
            assertNull(TestDatabase.text("SELECT revoked_at FROM sessions WHERE id = ?", sessionId));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The refresh endpoint and its token delivery are application-scoped beans shared by all requests: each of a
     * burst of refreshes, cookie mode and body mode mixed, must still get its own user's tokens, delivered the way
     * its own request asked.
     */
    @Test
    void parallelRefreshesInCookieAndBodyModeEachGetTheirOwnUserAndDelivery() {
        int users = 8;
        List<String> names = IntStream.range(0, users).mapToObj(i -> Http.uniqueName("mix")).toList();
        List<String> tokens = names.stream().map(name -> http().register(name, PASSWORD).getString("refreshToken"))
                .toList();
        List<Supplier<Http.Reply>> requests = IntStream.range(0, users).<Supplier<Http.Reply>>mapToObj(i ->
                i % 2 == 0 ? () -> refresh(tokens.get(i))
                        : () -> http().post("/api/auth/refresh").header("Cookie", "refresh_token=" + tokens.get(i))
                                .header("X-Requested-With", "keyturn").send())
                .toList();
        List<Http.Reply> replies = Burst.send(requests);
        for (int i = 0; i < users; i++) {
            Http.Reply reply = replies.get(i);
            assertEquals(200, reply.status(), reply::toString);
            assertEquals(names.get(i), reply.json().getJsonObject("user").getString("username"), reply::toString);
            if (i % 2 == 0) {
                assertTrue(reply.json().containsKey("refreshToken"), "body mode: " + reply);
                assertNull(reply.header("Set-Cookie"), "body mode sets no cookie: " + reply);
            } else {
                assertFalse(reply.json().containsKey("refreshToken"), "cookie mode: " + reply);
                assertTrue(reply.header("Set-Cookie").startsWith("refresh_token="), "cookie mode: " + reply);
            }
        }
    }

    @Test
    void aRefreshThatWaitsForALockedTokenUntilTheDatabaseGivesUpIs503AndConsumesNothing() throws Exception {
        assumeTrue(System.getProperty("keyturn.it.db.url", "").startsWith("jdbc:h2:"),
                "H2 gives up after the test URL's LOCK_TIMEOUT (10 s); MariaDB would wait innodb_lock_wait_timeout (50 s)");
        String refreshToken = newUser().getString("refreshToken");
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT token_hash FROM refresh_tokens WHERE token_hash = ? FOR UPDATE")) {
                lock.setString(1, sha256(refreshToken));
                try (ResultSet locked = lock.executeQuery()) {
                    assertTrue(locked.next(), "the test holds the token's row lock");
                }
            }
            Http.Reply reply = refresh(refreshToken);
            assertProblem(reply, 503, "service_unavailable");
            assertEquals("5", reply.header("Retry-After"));
            assertFalse(reply.body().contains("incident"), reply.body());
            holder.rollback();
        }
        // the lock is gone: the same token rotates as if the refused attempt had never happened
        Http.Reply after = refresh(refreshToken);
        assertEquals(200, after.status(), after.body());
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM sessions s JOIN refresh_tokens t"
                + " ON t.session_id = s.id WHERE t.token_hash = ? AND s.revoked_at IS NOT NULL", sha256(refreshToken)));
    }

    /**
     * A logout changes its session at commit; a lock wait that times out there reaches Keyturn wrapped in the
     * transaction manager's rollback, which must not be taken for a write conflict and run five times over (five
     * waits, five "logout" security events for a logout that never happened).
     */
    @Test
    void aLogoutThatWaitsForALockedSessionUntilTheDatabaseGivesUpIs503OnceAndLogsNoLogout() throws Exception {
        assumeTrue(System.getProperty("keyturn.it.db.url", "").startsWith("jdbc:h2:"),
                "H2 gives up after the test URL's LOCK_TIMEOUT (10 s); MariaDB would wait innodb_lock_wait_timeout (50 s)");
        Http client = http();
        JsonObject tokens = client.register(Http.uniqueName("rot"), PASSWORD);
        String refreshToken = tokens.getString("refreshToken");
        String userId = tokens.getJsonObject("user").getString("id");
        int mark = ServerLog.mark();
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM sessions WHERE id = ? FOR UPDATE")) {
                lock.setString(1, tokens.getString("sessionId"));
                try (ResultSet locked = lock.executeQuery()) {
                    assertTrue(locked.next(), "the test holds the session's row lock");
                }
            }
            Http.Reply reply = client.post("/api/auth/logout").bodyMode()
                    .json(Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString()).send();
            assertProblem(reply, 503, "service_unavailable");
            assertEquals("5", reply.header("Retry-After"), "the lock-wait answer, not the write conflict's");
            holder.rollback();
        }
        String log = ServerLog.since(mark, client.failLogin());
        assertFalse(log.contains("Sessions.logout lost a write conflict"), "a lock wait is not retried");
        assertFalse(log.contains("event=logout outcome=session_revoked user=" + userId),
                "no logout is logged for a session that did not end");
        assertEquals(200, refresh(refreshToken).status(), "the session lives on: the logout did not happen");
    }

    @Test
    void cookieModeSetsAStrictHttpOnlySecureCookieAndKeepsTheTokenOutOfTheBody() {
        String name = Http.uniqueName("cookie");
        http().register(name, PASSWORD);
        Http.Reply login = http().post("/api/auth/login")
                .json("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertEquals(200, login.status(), login::toString);
        assertFalse(login.json().containsKey("refreshToken"), "never in the body in cookie mode");
        String cookie = login.header("Set-Cookie");
        assertNotNull(cookie);
        String contextPath = http().uri("/").getPath().replaceAll("/$", "");
        assertTrue(cookie.matches("refresh_token=[A-Za-z0-9_-]{43}; Max-Age=\\d+; Path=" + contextPath
                + "/api/auth; HttpOnly; Secure; SameSite=Strict"), cookie);
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+);.*", "$1"));
        assertTrue(maxAge > 604_700 && maxAge <= 604_800, "idle lifetime: " + maxAge);
        String value = cookie.substring("refresh_token=".length(), cookie.indexOf(';'));

        assertProblem(http().post("/api/auth/refresh").header("Cookie", "refresh_token=" + value).send(),
                403, "csrf_header_missing");
        Http.Reply refreshed = http().post("/api/auth/refresh").header("Cookie", "refresh_token=" + value)
                .header("X-Requested-With", "keyturn").send();
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertFalse(refreshed.json().containsKey("refreshToken"));
        String rotated = refreshed.header("Set-Cookie");
        assertTrue(rotated.startsWith("refresh_token=") && !rotated.startsWith("refresh_token=" + value + ";"),
                "a new cookie value: " + rotated);
    }

    @Test
    void unknownMalformedAndMissingTokensAreRefused() {
        assertProblem(refresh("A".repeat(43)), 401, "refresh_token_invalid");
        assertProblem(refresh("not a token"), 401, "refresh_token_invalid");
        JsonObject missing = assertProblem(http().post("/api/auth/refresh").bodyMode().json("{}").send(), 400,
                "validation_failed");
        assertEquals("refreshToken", missing.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(http().post("/api/auth/refresh").bodyMode().json("{\"refreshToken\":").send(), 400,
                "malformed_json");
        Http.Reply noCookie = http().post("/api/auth/refresh").header("X-Requested-With", "keyturn").send();
        assertProblem(noCookie, 401, "refresh_token_invalid");
    }

    @Test
    void aTokenIdleTooLongIsRefused() throws Exception {
        String token = newUser().getString("refreshToken");
        try (var connection = TestDatabase.connect(); var update = connection.prepareStatement(
                "UPDATE refresh_tokens SET expires_at = TIMESTAMP '2020-01-01 00:00:00' WHERE token_hash = ?")) {
            update.setString(1, sha256(token));
            assertEquals(1, update.executeUpdate());
        }
        assertProblem(refresh(token), 401, "refresh_token_invalid");
    }

    @Test
    void aSessionPastItsAbsoluteLifetimeIsRefused() throws Exception {
        JsonObject tokens = newUser();
        try (var connection = TestDatabase.connect(); var update = connection.prepareStatement(
                "UPDATE sessions SET expires_at = TIMESTAMP '2020-01-01 00:00:00' WHERE id = ?")) {
            update.setString(1, tokens.getString("sessionId"));
            assertEquals(1, update.executeUpdate());
        }
        assertProblem(refresh(tokens.getString("refreshToken")), 401, "refresh_token_invalid");
    }

    @Test
    void housekeepingPurgesExpiredTokensAndErasesSealedSuccessorsAfterTheWindow() throws Exception {
        JsonObject tokens = newUser();
        String first = tokens.getString("refreshToken");
        String second = refresh(first).json().getString("refreshToken");
        assertNotNull(TestDatabase.text("SELECT successor_sealed FROM refresh_tokens WHERE token_hash = ?",
                sha256(first)), "sealed while the window is open");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?"
                + " AND sealed_at = retired_at", sha256(first)), "sealed_at marks the row for housekeeping");
        try (var connection = TestDatabase.connect(); var update = connection.prepareStatement(
                "UPDATE refresh_tokens SET expires_at = TIMESTAMP '2020-01-01 00:00:00' WHERE token_hash = ?")) {
            update.setString(1, sha256(second));
            assertEquals(1, update.executeUpdate());
        }
        long deadline = System.currentTimeMillis() + GRACE_MILLIS + HOUSEKEEPING_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline && (TestDatabase.number(
                "SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?", sha256(second)) > 0
                || TestDatabase.text("SELECT successor_sealed FROM refresh_tokens WHERE token_hash = ?",
                        sha256(first)) != null)) {
            Thread.sleep(500);
        }
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?",
                sha256(second)), "expired token purged");
        assertNull(TestDatabase.text("SELECT successor_sealed FROM refresh_tokens WHERE token_hash = ?",
                sha256(first)), "sealed successor erased once the window closed");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?"
                + " AND sealed_at IS NULL AND retired_at IS NOT NULL", sha256(first)), "and its mark with it");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?",
                sha256(first)), "the retired token stays for reuse detection until it expires");
    }

    private static long liveTokens(String sessionId) {
        return TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ? AND retired_at IS NULL",
                sessionId);
    }

}
