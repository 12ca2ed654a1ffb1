package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Burst;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.LoginRace;
import io.keyturn.testing.ServerLog;
import io.keyturn.testing.TestDatabase;
import io.keyturn.users.control.PasswordHasher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * The account protections of contract v2 beyond login throttling (LoginThrottlingIT): disabled accounts change
 * nothing, a cookie's refresh token never lands in a body, sessions per user are capped, registrations per address
 * are throttled.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountProtectionIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String CSRF = "X-Requested-With";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private Http http() {
        return new Http(base);
    }

    private void setEnabled(String userId, boolean enabled) {
        assertEquals(204, http().put("/api/admin/users/" + userId + "/enabled").bearer(http().adminToken())
                .json("{\"enabled\": " + enabled + "}").send().status());
    }

    /**
     * The login checks the password outside any transaction, so logins with the old password that started before a
     * password change may reach their session after the change has ended every session. None of them may leave a live
     * session: each either ended before the change (and the change revoked it) or is refused. Four logins start 0–150 ms
     * after the change, the window in which they read the account before the change commits and open their session
     * after it (seen in every try before the fix).
     */
    @Test
    void aLoginWithTheOldPasswordRacingAPasswordChangeLeavesNoLiveSession() {
        String name = Http.uniqueName("pwrace");
        JsonObject tokens = http().register(name, PASSWORD);
        Supplier<Http.Reply> change = () -> http().post("/api/auth/password").bearer(tokens.getString("accessToken"))
                .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another passphrase 99\"}").send();

        List<Http.Reply> logins = LoginRace.loginsRacing(http(), change, 204, name, PASSWORD);

        LoginRace.assertNoLiveSession(http(), logins);
        assertEquals(401, LoginRace.login(http(), name, PASSWORD).status(), "the old password no longer logs in");
    }

    /**
     * Two changes at once from the same current password: both check it outside any transaction, so both may pass
     * the check, but only the first write counts; the other finds a password it did not check and is refused, so the
     * password is never silently overwritten by a caller who proved a password that was no longer the current one.
     */
    @Test
    void twoPasswordChangesAtOnceFromOnePasswordLeaveOneWinner() {
        String name = Http.uniqueName("pwtwice");
        String accessToken = http().register(name, PASSWORD).getString("accessToken");
        List<String> newPasswords = List.of("first new passphrase 1", "second new passphrase 2");

        List<Http.Reply> answers = newPasswords.stream()
                .map(newPassword -> CompletableFuture.supplyAsync(() -> http().post("/api/auth/password")
                        .bearer(accessToken).json(Json.createObjectBuilder().add("currentPassword", PASSWORD)
                                .add("newPassword", newPassword).build().toString()).send()))
                .toList().stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = answers.stream().map(Http.Reply::status).sorted().toList();
        assertEquals(List.of(204, 401), statuses, () -> "one change wins: " + answers);
        Http.Reply refused = answers.stream().filter(answer -> answer.status() == 401).findFirst().orElseThrow();
        assertProblem(refused, 401, "invalid_credentials");
        String winner = newPasswords.get(answers.get(0).status() == 204 ? 0 : 1);
        String loser = newPasswords.get(answers.get(0).status() == 204 ? 1 : 0);
        assertEquals(200, LoginRace.login(http(), name, winner).status(), "the winner's password logs in");
        assertEquals(401, LoginRace.login(http(), name, loser).status(), "the refused one does not");
        assertEquals(401, LoginRace.login(http(), name, PASSWORD).status(), "nor does the old one");
    }

    /** The same for a disable: a login that raced it leaves no session to come back to life on re-enabling. */
    @Test
    void aLoginRacingADisableLeavesNoSessionThatReEnablingRevives() {
        String name = Http.uniqueName("disrace");
        String userId = http().register(name, PASSWORD).getJsonObject("user").getString("id");
        String adminToken = http().adminToken();
        Supplier<Http.Reply> disable = () -> http().put("/api/admin/users/" + userId + "/enabled").bearer(adminToken)
                .json("{\"enabled\": false}").send();

        List<Http.Reply> logins = LoginRace.loginsRacing(http(), disable, 204, name, PASSWORD);
        for (Http.Reply login : logins) {
            assertTrue(login.status() == 200 || login.status() == 403, "a login answers 200 or 403: " + login);
        }
        setEnabled(userId, true);

        LoginRace.assertNoLiveSession(http(), logins);
    }

    @Test
    void aDisabledAccountChangesNothingWithItsStillValidAccessToken() {
        String name = Http.uniqueName("disabled");
        JsonObject tokens = http().register(name, PASSWORD);
        String userId = tokens.getJsonObject("user").getString("id");
        String accessToken = tokens.getString("accessToken");
        setEnabled(userId, false);

        assertProblem(http().post("/api/auth/password").bearer(accessToken)
                .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another passphrase 99\"}")
                .send(), 403, "account_disabled");
        assertProblem(http().post("/api/auth/logout-all").bearer(accessToken).send(), 403, "account_disabled");
        assertProblem(http().delete("/api/auth/sessions/" + tokens.getString("sessionId")).bearer(accessToken)
                .send(), 403, "account_disabled");

        setEnabled(userId, true);
        assertEquals(200, http().post("/api/auth/login").bodyMode()
                .json("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").send().status(),
                "the owner's password still works after re-enabling");
    }

    @Test
    void aRefreshTokenFromTheCookieIsAnsweredInCookieModeOnlyWhateverTheModeHeaderSays() {
        String name = Http.uniqueName("cookie");
        http().register(name, PASSWORD);
        Http.Reply login = http().post("/api/auth/login")
                .json("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertEquals(200, login.status());
        String cookie = cookieValue(login);

        assertProblem(http().post("/api/auth/refresh").bodyMode().header("Cookie", "refresh_token=" + cookie).send(),
                403, "csrf_header_missing");
        Http.Reply refreshed = http().post("/api/auth/refresh").bodyMode().header(CSRF, "keyturn")
                .header("Cookie", "refresh_token=" + cookie).send();
        assertEquals(200, refreshed.status());
        assertFalse(refreshed.json().containsKey("refreshToken"), "the HttpOnly cookie's token is not in the body");
        String rotated = cookieValue(refreshed);
        assertFalse(rotated.isEmpty(), "the successor travels in the cookie");
        assertFalse(refreshed.body().contains(rotated));

        assertProblem(http().post("/api/auth/logout").bodyMode().header("Cookie", "refresh_token=" + rotated).send(),
                403, "csrf_header_missing");
        assertEquals(200, http().post("/api/auth/refresh").header(CSRF, "keyturn")
                .header("Cookie", "refresh_token=" + rotated).send().status(), "the refused logout ended nothing");
    }

    private static String cookieValue(Http.Reply reply) {
        String setCookie = reply.header("Set-Cookie");
        assertNotNull(setCookie, "a refresh cookie");
        return setCookie.substring("refresh_token=".length(), setCookie.indexOf(';'));
    }

    @Test
    void theFiftyFirstLoginRevokesTheLeastRecentlyUsedSession() {
        String name = Http.uniqueName("devices");
        JsonObject first = http().register(name, PASSWORD);
        String userId = first.getJsonObject("user").getString("id");
        JsonObject last = null;
        for (int i = 1; i <= 50; i++) {
            last = http().login(name, PASSWORD);
        }
        assertEquals(50, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                userId));
        assertEquals("SESSION_LIMIT", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                first.getString("sessionId")));
        assertProblem(http().post("/api/auth/refresh").bodyMode()
                .json(Json.createObjectBuilder().add("refreshToken", first.getString("refreshToken")).build()
                        .toString()).send(), 401, "refresh_token_invalid");
        assertEquals(50, http().get("/api/auth/sessions").bearer(last.getString("accessToken")).send().jsonArray()
                .size());
    }

    @Test
    void registrationsAreThrottledPerClientAddress() {
        Http oneAddress = http();
        for (int i = 0; i < 10; i++) {
            oneAddress.register(Http.uniqueName("signup"), PASSWORD);
        }
        Http.Reply refused = oneAddress.post("/api/auth/register").bodyMode()
                .json("{\"username\":\"" + Http.uniqueName("signup") + "\",\"email\":\"x" + Http.uniqueName("s")
                        + "@example.com\",\"password\":\"" + PASSWORD + "\"}").send();
        assertProblem(refused, 429, "too_many_attempts");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);
        http().register(Http.uniqueName("elsewhere"), PASSWORD);
    }

    /**
     * An attack probe's finding: Argon2 holds 19 MiB of heap per check while it runs, and nothing bounded how many
     * ran at once, so 100 concurrent logins of unknown users, each from its own address (under every throttle), ran
     * a server with {@code -Xmx512m} out of heap: some were answered 500 and the log showed OutOfMemoryError. Within
     * the hashing budget (a quarter of the heap by default) they wait their turn, and each is the 401 of a wrong
     * password.
     */
    @Test
    void aBurstOfLoginsFromManyAddressesIsAnsweredWithoutRunningOutOfHeap() {
        int mark = ServerLog.mark();
        List<Supplier<Http.Reply>> logins = IntStream.range(0, 100)
                .<Supplier<Http.Reply>>mapToObj(
                        i -> () -> LoginRace.login(http(), Http.uniqueName("nobody"), "wrong password " + i))
                .toList();
        List<Http.Reply> replies = Burst.send(logins);
        for (Http.Reply reply : replies) {
            assertProblem(reply, 401, "invalid_credentials");
        }
        Http last = http();
        assertProblem(LoginRace.login(last, Http.uniqueName("nobody"), PASSWORD), 401, "invalid_credentials");
        String log = ServerLog.since(mark, "event=login outcome=invalid_credentials user=- session=- client="
                + last.clientAddress());
        assertFalse(log.contains("OutOfMemoryError"), "the server ran out of heap");
    }

    /**
     * The bound made visible: a stored hash may cost more memory than today's settings (imported, or made before the
     * cost was lowered), here 192 MiB each. Four logins against two such accounts at once held 768 MiB of Argon2
     * blocks in a 512 MB heap before the budget (OutOfMemoryError, 500, and the server timed out requests afterwards); now a
     * check that needs more than the whole budget runs alone, so each is answered in turn. Wrong passwords, two per
     * account: each is the 401 of a wrong password. The right password then logs in and stores a hash of today's
     * cost.
     */
    @Test
    void storedHashesCostingMoreThanTheBudgetAreCheckedOneAtATime() {
        String bigHash = new PasswordHasher(192 * 1024, 1, 1).hash(PASSWORD);
        List<String> names = List.of(Http.uniqueName("imported"), Http.uniqueName("imported"));
        for (String name : names) {
            String id = http().register(name, PASSWORD).getJsonObject("user").getString("id");
            assertEquals(1, TestDatabase.update("UPDATE users SET password_hash = ? WHERE id = ?", bigHash, id));
        }
        int mark = ServerLog.mark();
        List<Supplier<Http.Reply>> logins = IntStream.range(0, 4)
                .<Supplier<Http.Reply>>mapToObj(
                        i -> () -> LoginRace.login(http(), names.get(i % 2), "wrong password " + i))
                .toList();
        for (Http.Reply reply : Burst.send(logins)) {
            assertProblem(reply, 401, "invalid_credentials");
        }
        for (String name : names) {
            assertEquals(200, LoginRace.login(http(), name, PASSWORD).status());
            assertTrue(TestDatabase.text("SELECT password_hash FROM users WHERE username = ?", name)
                    .startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "rehashed at today's cost");
        }
        Http last = http();
        assertProblem(LoginRace.login(last, Http.uniqueName("nobody"), PASSWORD), 401, "invalid_credentials");
        assertFalse(ServerLog.since(mark, "event=login outcome=invalid_credentials user=- session=- client="
                + last.clientAddress()).contains("OutOfMemoryError"), "the server ran out of heap");
    }

    /**
     * The first logins after the Argon2 parameters were raised each check the old hash and store a stronger one, and
     * a login opens its session only against the hash stored now (Sessions.open). Logins of one user at once (two
     * tabs, a service on several threads) used to lose to the first one's upgrade: all but one were refused with 401
     * {@code invalid_credentials} although the password was right. Now each that finds its check's hash replaced
     * checks the password against the stored one, and all open sessions.
     */
    @Test
    void loginsOfOneUserAtOnceWhileItsHashIsUpgradedAllOpenSessions() {
        String name = Http.uniqueName("upgrading");
        String id = http().register(name, PASSWORD).getJsonObject("user").getString("id");
        assertEquals(1, TestDatabase.update("UPDATE users SET password_hash = ? WHERE id = ?",
                new PasswordHasher(8192, 1, 1).hash(PASSWORD), id));
        List<Supplier<Http.Reply>> logins = IntStream.range(0, 4)
                .<Supplier<Http.Reply>>mapToObj(i -> () -> LoginRace.login(http(), name, PASSWORD)).toList();
        for (Http.Reply reply : Burst.send(logins)) {
            assertEquals(200, reply.status(), reply::toString);
        }
        assertEquals(5, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                id), "the registration's session and the four logins'");
        String stored = TestDatabase.text("SELECT password_hash FROM users WHERE id = ?", id);
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "upgraded to today's cost: " + stored);
        assertTrue(new PasswordHasher(19456, 2, 1).check(PASSWORD, stored).matches());
    }
}
