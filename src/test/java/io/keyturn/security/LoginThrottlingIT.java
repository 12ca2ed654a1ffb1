package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import java.net.URL;
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
        new Http(base).register(victim, PASSWORD);
        new Http(base).register(bystander, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(login(new Http(base), victim, "wrong password " + i), 401, "invalid_credentials");
        }
        Http.Reply blocked = login(new Http(base), victim, PASSWORD);
        assertProblem(blocked, 429, "too_many_attempts");
        int retryAfter = Integer.parseInt(blocked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertNotNull(TestDatabase.text("SELECT blocked_until FROM throttle_counters WHERE subject = ?",
                "account:" + victim));
        assertEquals(200, login(new Http(base), bystander, PASSWORD).status(), "another account is not blocked");
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
        new Http(base).register(name, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertProblem(login(new Http(base), name, "wrong " + i), 401, "invalid_credentials");
        }
        assertEquals(200, login(new Http(base), name, PASSWORD).status());
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM throttle_counters WHERE subject = ?",
                "account:" + name));
        for (int i = 0; i < 4; i++) {
            assertProblem(login(new Http(base), name, "wrong again " + i), 401, "invalid_credentials");
        }
        assertEquals(200, login(new Http(base), name, PASSWORD).status(), "4 + 4 failures never reached 5");
    }
}
