package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.RawHttp;
import io.keyturn.testing.TestDatabase;
import io.keyturn.testing.Burst;
import io.keyturn.testing.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Brute-force throttling with the default limits: 5 failures per account, 20 per client address, in 15 minutes,
 * then 5 minutes of 429. Each test uses its own accounts and client addresses (X-Forwarded-For, trusted in tests).
 * Attempts are reserved before the password is checked, so bursts are counted exactly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottlingIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private static Http.Reply login(Http client, String username, String password) {
        return client.post("/api/auth/login").bodyMode()
                .json(Json.createObjectBuilder().add("username", username).add("password", password).build()
                        .toString()).send();
    }

    @Test
    void anAccountIsBlockedAfterFiveFailuresEvenWithTheRightPasswordAndOthersAreNot() {
        String victim = Http.uniqueName("victim");
        String bystander = Http.uniqueName("bystander");
        String victimId = new Http(base).register(victim, PASSWORD).getJsonObject("user").getString("id");
        new Http(base).register(bystander, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(login(new Http(base), victim, "wrong password " + i), 401, "invalid_credentials");
        }
        Http.Reply blocked = login(new Http(base), victim, PASSWORD);
        assertProblem(blocked, 429, "too_many_attempts");
        int retryAfter = Integer.parseInt(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertNotNull(TestDatabase.text("SELECT blocked_until FROM throttle_counters WHERE subject = ?",
                "user:" + victimId));
        assertEquals(200, login(new Http(base), bystander, PASSWORD).status(), "another account is not blocked");
    }

    /**
     * An attack probe's finding: the failures and the block of an existing account were logged with {@code user=-},
     * so an operator could not see whose account an attack was locking out.
     */
    @Test
    void theSecurityLogNamesTheExistingAccountThatFailsAndIsBlocked() {
        String name = Http.uniqueName("targeted");
        String id = new Http(base).register(name, PASSWORD).getJsonObject("user").getString("id");
        for (int i = 0; i < 5; i++) {
            assertProblem(login(new Http(base), name + "@example.com", "wrong password " + i), 401,
                    "invalid_credentials");
        }
        Http refused = new Http(base);
        assertProblem(login(refused, name, PASSWORD), 429, "too_many_attempts");
        String log = ServerLog.awaiting("event=login_throttled outcome=refused user=" + id + " session=- client="
                + refused.clientAddress());
        assertEquals(5, log.lines().filter(line -> line.contains("event=login outcome=invalid_credentials user=" + id))
                .count(), "each failure names the account");
        assertTrue(log.contains("event=login_throttle_started outcome=account_blocked user=" + id),
                "the block names the account");
    }

    /**
     * Anyone who knows a username can block its account (an attack probe kept one blocked for good from one address):
     * an administrator lifts the block, and the address the failures came from stays counted.
     */
    @Test
    void anAdministratorLiftsAnAccountsBlockAndTheAttackersAddressStaysCounted() {
        String name = Http.uniqueName("lockedout");
        String id = new Http(base).register(name, PASSWORD).getJsonObject("user").getString("id");
        Http attacker = new Http(base);
        for (int i = 0; i < 5; i++) {
            assertProblem(login(attacker, name, "wrong password " + i), 401, "invalid_credentials");
        }
        assertProblem(login(new Http(base), name, PASSWORD), 429, "too_many_attempts");
        Http admin = new Http(base);
        String adminToken = admin.adminToken();
        String adminId = TestDatabase.text("SELECT id FROM users WHERE username = ?", "admin");

        assertEquals(204, admin.delete("/api/admin/users/" + id + "/login-block").bearer(adminToken).send().status());

        assertEquals(200, new Http(base).post("/api/auth/login").bodyMode().json(Json.createObjectBuilder()
                .add("username", name).add("password", PASSWORD).build().toString()).send().status());
        assertEquals(5, TestDatabase.number("SELECT failures FROM throttle_counters WHERE subject = ?",
                "client:" + attacker.clientAddress()), "the attacker's address keeps its failures");
        ServerLog.awaiting("event=login_block_cleared outcome=ok by=" + adminId + " user=" + id + " session=- client="
                + admin.clientAddress());
        assertEquals(204, admin.delete("/api/admin/users/" + id + "/login-block").bearer(adminToken).send().status(),
                "lifting a block that is not there is no error");
        assertProblem(admin.delete("/api/admin/users/no-such-user/login-block").bearer(adminToken).send(), 404,
                "user_not_found");
        String userToken = new Http(base).login(name, PASSWORD).getString("accessToken");
        assertEquals(403, new Http(base).delete("/api/admin/users/" + id + "/login-block").bearer(userToken).send()
                .status(), "only an administrator lifts a block");
    }

    /**
     * Re-probe finding: a proxy that adds its own X-Forwarded-For line leaves the client's line before it, and only
     * the first line was read, so every request could name a fresh address. Sent over a socket: Java's HTTP client
     * sends one line per header name.
     */
    @Test
    void aClientsOwnForwardedForLineDoesNotNameItsAddress() throws IOException {
        String proxied = new Http(base).clientAddress();
        for (int i = 0; i < 20; i++) {
            assertTrue(rawFailedLogin("198.51.100." + i, proxied).startsWith("HTTP/1.1 401"));
        }
        assertTrue(rawFailedLogin("198.51.100.99", proxied).startsWith("HTTP/1.1 429"),
                "the twenty-first failure from the address the proxy saw is throttled");
    }

    private String rawFailedLogin(String written, String appended) throws IOException {
        byte[] body = Json.createObjectBuilder().add("username", Http.uniqueName("sprayed"))
                .add("password", "wrong password").build().toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST " + base.getPath().replaceAll("/$", "") + "/api/auth/login HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nX-Forwarded-For: " + written + "\r\n"
                + "X-Forwarded-For: " + appended + "\r\nConnection: close\r\n\r\n";
        return RawHttp.exchange(base, head, body);
    }

    @Test
    void unknownAccountsAreThrottledAlikeSoTheThrottleRevealsNothing() {
        String nobody = Http.uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            assertProblem(login(new Http(base), nobody, PASSWORD), 401, "invalid_credentials");
        }
        assertProblem(login(new Http(base), nobody, PASSWORD), 429, "too_many_attempts");
    }

    @Test
    void aClientAddressIsBlockedAfterTwentyFailuresAcrossAccounts() {
        Http attacker = new Http(base);
        String real = Http.uniqueName("real");
        new Http(base).register(real, PASSWORD);
        for (int i = 0; i < 20; i++) {
            assertProblem(login(attacker, Http.uniqueName("guess"), PASSWORD), 401, "invalid_credentials");
        }
        Http.Reply blocked = login(attacker, real, PASSWORD);
        assertProblem(blocked, 429, "too_many_attempts");
        assertNotNull(blocked.header("Retry-After"));
        assertNotNull(TestDatabase.text("SELECT blocked_until FROM throttle_counters WHERE subject = ?",
                "client:" + attacker.clientAddress()));
        assertEquals(200, login(new Http(base), real, PASSWORD).status(), "the account works from elsewhere");
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsCount() {
        String name = Http.uniqueName("forgetful");
        String id = new Http(base).register(name, PASSWORD).getJsonObject("user").getString("id");
        for (int i = 0; i < 4; i++) {
            assertProblem(login(new Http(base), name, "wrong " + i), 401, "invalid_credentials");
        }
        assertEquals(200, login(new Http(base), name, PASSWORD).status());
        assertEquals(0, TestDatabase.number("SELECT failures FROM throttle_counters WHERE subject = ?",
                "user:" + id));
        for (int i = 0; i < 4; i++) {
            assertProblem(login(new Http(base), name, "wrong again " + i), 401, "invalid_credentials");
        }
        assertEquals(200, login(new Http(base), name, PASSWORD).status(), "4 + 4 failures never reached 5");
    }

    private Http.Reply changePassword(String accessToken, String current, String next) {
        return new Http(base).post("/api/auth/password").bearer(accessToken)
                .json(Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next).build()
                        .toString()).send();
    }

    @Test
    void twentyLoginsAtOnceFromTwentyAddressesAfterFourFailuresAreCheckedOnlyOnce() {
        String victim = Http.uniqueName("burst");
        new Http(base).register(victim, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertProblem(login(new Http(base), victim, "wrong password " + i), 401, "invalid_credentials");
        }
        // all wrong: a right password checked first would clear the account's count (as a successful login does),
        // and attempts of the burst that a busy server reserved only after that would be checked again
        List<Supplier<Http.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String password = "wrong burst " + i;
            attempts.add(() -> login(new Http(base), victim, password));
        }
        List<Http.Reply> replies = Burst.send(attempts);
        assertEquals(1, Burst.count(replies, 401), "checked: " + replies);
        assertEquals(19, Burst.count(replies, 429), "refused before any hash: " + replies);
        replies.stream().filter(reply -> reply.status() == 429).forEach(reply -> {
            assertProblem(reply, 429, "too_many_attempts");
            assertNotNull(reply.header("Retry-After"));
        });
    }

    @Test
    void twentyLoginsAtOnceFromOneAddressAfterFifteenFailuresAreCheckedFiveTimes() {
        Http attacker = new Http(base);
        for (int i = 0; i < 15; i++) {
            assertProblem(login(attacker, Http.uniqueName("guess"), PASSWORD), 401, "invalid_credentials");
        }
        List<Supplier<Http.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> login(attacker, Http.uniqueName("guess"), PASSWORD));
        }
        List<Http.Reply> replies = Burst.send(attempts);
        assertEquals(5, Burst.count(replies, 401), "the address had five attempts left: " + replies);
        assertEquals(15, Burst.count(replies, 429), replies.toString());
    }

    @Test
    void aBurstAgainstAnAccountNobodyTriedYetCreatesOneCounterQuietly() {
        String nobody = Http.uniqueName("fresh");
        List<Supplier<Http.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> login(new Http(base), nobody, PASSWORD));
        }
        List<Http.Reply> replies = Burst.send(attempts);
        assertEquals(5, Burst.count(replies, 401), replies.toString());
        assertEquals(15, Burst.count(replies, 429), replies.toString());
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM throttle_counters WHERE subject = ?",
                "login:" + nobody));
        Http marker = new Http(base);
        assertProblem(login(marker, Http.uniqueName("marker"), PASSWORD), 401, "invalid_credentials");
        String log = ServerLog.awaiting("event=login outcome=invalid_credentials user=- "
                + "session=- client=" + marker.clientAddress()).toLowerCase(java.util.Locale.ROOT);
        assertFalse(log.contains("unique index or primary key violation"), "H2's duplicate-key error was logged");
        assertFalse(log.contains("duplicate entry"), "MySQL's duplicate-key error was logged");
        assertFalse(log.contains("constraintviolationexception"), "a constraint violation was logged");
    }

    @Test
    void theUsernameAndTheEmailShareOneCounter() {
        String byName = Http.uniqueName("twofaced");
        new Http(base).register(byName, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(login(new Http(base), byName, "wrong " + i), 401, "invalid_credentials");
        }
        assertProblem(login(new Http(base), byName + "@example.com", PASSWORD), 429, "too_many_attempts");

        String byEmail = Http.uniqueName("twofaced");
        new Http(base).register(byEmail, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(login(new Http(base), byEmail.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.COM",
                    "wrong " + i), 401, "invalid_credentials");
        }
        assertProblem(login(new Http(base), byEmail, PASSWORD), 429, "too_many_attempts");
    }

    @Test
    void wrongCurrentPasswordsAreThrottledWithTheLoginAndLogged() {
        String name = Http.uniqueName("stolen");
        JsonObject tokens = new Http(base).register(name, PASSWORD);
        String userId = tokens.getJsonObject("user").getString("id");
        String accessToken = tokens.getString("accessToken");
        for (int i = 0; i < 5; i++) {
            assertProblem(changePassword(accessToken, "guess number " + i, "new passphrase 1234"), 401,
                    "invalid_credentials");
        }
        Http.Reply blocked = changePassword(accessToken, PASSWORD, "new passphrase 1234");
        assertProblem(blocked, 429, "too_many_attempts");
        assertNotNull(blocked.header("Retry-After"));
        assertProblem(login(new Http(base), name, PASSWORD), 429, "too_many_attempts");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM throttle_counters WHERE subject = ? "
                + "AND blocked_until IS NOT NULL", "user:" + userId));
        String log = ServerLog.awaiting("event=password_confirmation_throttled");
        assertEquals(5, log.lines().filter(line -> line.contains(
                "event=password_confirmation outcome=invalid_credentials user=" + userId)).count(),
                "each failed confirmation is a security event");
    }
}
