package io.keyturn.sessions;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Burst;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.MariaDbServer;
import io.keyturn.testing.SecondInstance;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Keyturn instances on one MariaDB (MySQL run only): the one Arquillian deploys and a second Payara Micro this
 * class starts with the same WAR and the same settings. Nothing but the database connects them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeveralInstancesIT {

    private static final String PASSWORD = "correct horse battery";
    private static SecondInstance second;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        assertTrue(MariaDbServer.running(), "this test needs the MariaDB run (failsafe execution 'mariadb')");
        second = SecondInstance.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.stop();
        }
    }

    private Http first() {
        return new Http(base);
    }

    private static Http.Reply refresh(Http instance, String refreshToken) {
        return instance.post("/api/auth/refresh").bodyMode()
                .json(Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString()).send();
    }

    @Test
    void bothInstancesSignAndVerifyWithTheSameKey() {
        Http other = second.http();
        assertEquals(first().get("/.well-known/jwks.json").send().json(),
                other.get("/.well-known/jwks.json").send().json());
        JsonObject tokens = first().register(Http.uniqueName("keys"), PASSWORD);
        Http.Reply me = other.get("/api/me").bearer(tokens.getString("accessToken")).send();
        assertEquals(200, me.status(), me::toString);
        JsonObject fromSecond = other.login(tokens.getJsonObject("user").getString("username"), PASSWORD);
        assertEquals(200, first().get("/api/me").bearer(fromSecond.getString("accessToken")).send().status());
    }

    @Test
    void aRefreshRaceSpreadOverBothInstancesConvergesOnOneSuccessor() throws Exception {
        JsonObject tokens = first().register(Http.uniqueName("race"), PASSWORD);
        String token = tokens.getString("refreshToken");
        Http[] instances = {first(), second.http()};
        int parallel = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Http instance = instances[i % 2];
                Callable<Http.Reply> call = () -> {
                    start.await();
                    return refresh(instance, token);
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            Set<String> successors = new HashSet<>();
            for (Future<Http.Reply> reply : replies) {
                assertEquals(200, reply.get().status(), () -> String.valueOf(reply));
                successors.add(reply.get().json().getString("refreshToken"));
            }
            assertEquals(1, successors.size(), "one successor for all: " + successors);
            String sessionId = tokens.getString("sessionId");
            assertEquals(1, TestDatabase.number(
                    "SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ? AND retired_at IS NULL", sessionId));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(successors.iterator().next().getBytes())),
                    TestDatabase.text("SELECT token_hash FROM refresh_tokens WHERE session_id = ? "
                            + "AND retired_at IS NULL", sessionId));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reuseOfATokenRetiredOnOneInstanceIsDetectedOnTheOther() {
        JsonObject tokens = first().register(Http.uniqueName("reuse"), PASSWORD);
        String oldest = tokens.getString("refreshToken");
        String middle = refresh(first(), oldest).json().getString("refreshToken");
        refresh(first(), middle);
        assertProblem(refresh(second.http(), oldest), 401, "refresh_token_reused");
        assertEquals("REUSE", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                tokens.getString("sessionId")));
    }

    @Test
    void aSigkillInTheMiddleOfARefreshLoadLosesNothingAndLeavesOneLiveTokenPerSession() throws Exception {
        int sessions = 12;
        List<String> userIds = new ArrayList<>();
        List<String> sessionIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            JsonObject registered = first().register(Http.uniqueName("crash"), PASSWORD);
            userIds.add(registered.getJsonObject("user").getString("id"));
            sessionIds.add(registered.getString("sessionId"));
            tokens.add(registered.getString("refreshToken"));
        }
        ExecutorService load = Executors.newFixedThreadPool(sessions);
        java.util.concurrent.atomic.AtomicInteger refreshed = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int i = 0; i < sessions; i++) {
                String initial = tokens.get(i);
                load.submit(() -> {
                    String token = initial;
                    while (!Thread.currentThread().isInterrupted()) {
                        Http.Reply reply;
                        try {
                            reply = refresh(second.http(), token);
                        } catch (RuntimeException instanceGone) {
                            return null;
                        }
                        if (reply.status() != 200) {
                            return null;
                        }
                        token = reply.json().getString("refreshToken");
                        refreshed.incrementAndGet();
                    }
                    return null;
                });
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (refreshed.get() < sessions * 5 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(refreshed.get() >= sessions * 5, "the load was running: " + refreshed.get());
            second.kill();
        } finally {
            load.shutdownNow();
            load.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        second.restart();

        for (int i = 0; i < sessions; i++) {
            assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE id = ?", userIds.get(i)),
                    "user kept");
            assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE id = ? AND revoked_at IS NULL",
                    sessionIds.get(i)), "session kept and not revoked");
            assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = ? "
                    + "AND retired_at IS NULL", sessionIds.get(i)), "exactly one live token");
        }
        assertEquals(200, second.http().get("/health/ready").send().status(), "the restarted instance serves");
    }

    /** A full scenario on the second instance, then a search of its server log for every secret it handled. */
    @Test
    void theServerLogHoldsNoPasswordOrTokenAfterAFullScenario() throws Exception {
        Http http = second.http();
        String password = "log scenario passphrase 5h8w";
        String newPassword = "a different passphrase 7q2x";
        String name = Http.uniqueName("secrets");
        List<String> secrets = new ArrayList<>(List.of(password, newPassword, "wrong " + password));
        JsonObject tokens = http.register(name, password);
        secrets.add(tokens.getString("accessToken"));
        secrets.add(tokens.getString("refreshToken"));
        http.post("/api/auth/login").bodyMode()
                .json("{\"username\":\"" + name + "\",\"password\":\"wrong " + password + "\"}").send();
        JsonObject rotated = refresh(http, tokens.getString("refreshToken")).json();
        secrets.add(rotated.getString("refreshToken"));
        secrets.add(rotated.getString("accessToken"));
        assertEquals(204, http.post("/api/auth/password").bearer(rotated.getString("accessToken"))
                .json("{\"currentPassword\":\"" + password + "\",\"newPassword\":\"" + newPassword + "\"}")
                .send().status());
        http.get("/api/me").bearer(rotated.getString("accessToken") + "tampered").send();
        Thread.sleep(5_000); // past the 4 s grace window, so the next line is a detected reuse
        assertProblem(refresh(http, tokens.getString("refreshToken")), 401, "refresh_token_reused");
        String userId = tokens.getJsonObject("user").getString("id");
        String log = "";
        for (int i = 0; i < 20 && !log.contains("event=refresh_token_reused"); i++) {
            Thread.sleep(250); // the log line is written just after the answer
            log = java.nio.file.Files.readString(second.log());
        }
        assertTrue(log.contains("event=refresh_token_reused outcome=session_revoked user=" + userId),
                "the security log names the event, user and session");
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the server log contains a secret: " + secret.substring(0, 6) + "…");
        }
    }

    @Test
    void aSessionRevokedOnOneInstanceIsDeadOnTheOther() {
        JsonObject tokens = first().register(Http.uniqueName("revoke"), PASSWORD);
        Http.Reply logout = second.http().post("/api/auth/logout").bodyMode()
                .json(Json.createObjectBuilder().add("refreshToken", tokens.getString("refreshToken")).build()
                        .toString()).send();
        assertEquals(204, logout.status());
        assertProblem(refresh(first(), tokens.getString("refreshToken")), 401, "refresh_token_invalid");
    }

    @Test
    void failedLoginsAreCountedExactlyAcrossBothInstances() {
        String victim = Http.uniqueName("twoinstances");
        first().register(victim, PASSWORD);
        for (int i = 0; i < 4; i++) {
            Http instance = i % 2 == 0 ? first() : second.http();
            assertProblem(instance.post("/api/auth/login").bodyMode()
                    .json("{\"username\":\"" + victim + "\",\"password\":\"wrong " + i + "\"}").send(),
                    401, "invalid_credentials");
        }
        List<Supplier<Http.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String password = i == 19 ? PASSWORD : "wrong burst " + i;
            boolean onFirst = i % 2 == 0;
            attempts.add(() -> (onFirst ? first() : second.http()).post("/api/auth/login").bodyMode()
                    .json("{\"username\":\"" + victim + "\",\"password\":\"" + password + "\"}").send());
        }
        List<Http.Reply> replies = Burst.send(attempts);
        assertEquals(1, Burst.count(replies, 200) + Burst.count(replies, 401),
                "one attempt was left for the account, on whichever instance: " + replies);
        assertEquals(19, Burst.count(replies, 429), replies.toString());
    }
}
