package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.SecondInstance;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
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
 * Strict mode: a second instance runs with keyturn.access-token.strict=true and a 1 s cache, beside the default
 * (stateless) one Arquillian deploys, on the same database. Revocations made on either take effect for access tokens
 * on the strict one within the cache period; the default one keeps accepting them until they expire, as documented.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StrictModeIT {

    private static final String PASSWORD = "correct horse battery";
    private static final long TAKES_EFFECT_WITHIN_MILLIS = 5_000;
    private static SecondInstance strict;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startStrictInstance() throws Exception {
        strict = SecondInstance.start(Map.of("KEYTURN_ACCESS_TOKEN_STRICT", "true",
                "KEYTURN_ACCESS_TOKEN_STRICT_CACHE_SECONDS", "1"));
    }

    @AfterAll
    static void stopStrictInstance() {
        if (strict != null) {
            strict.stop();
        }
    }

    private static Http.Reply me(Http instance, String accessToken) {
        return instance.get("/api/me").bearer(accessToken).send();
    }

    /** Polls until the answer is 401 invalid_token, failing after the documented delay (plus margin). */
    private static void refusedWithin(Supplier<Http.Reply> request) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TAKES_EFFECT_WITHIN_MILLIS;
        Http.Reply reply = request.get();
        while (reply.status() != 401 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            reply = request.get();
        }
        assertProblem(reply, 401, "invalid_token");
    }

    @Test
    void aDisabledUsersAccessTokenIsRefusedOnTheStrictInstanceOnly() throws Exception {
        JsonObject tokens = new Http(base).register(Http.uniqueName("strictdis"), PASSWORD);
        String access = tokens.getString("accessToken");
        assertEquals(200, me(strict.http(), access).status());
        String userId = tokens.getJsonObject("user").getString("id");
        Http admin = new Http(base);
        assertEquals(204, admin.put("/api/admin/users/" + userId + "/enabled").bearer(admin.adminToken())
                .json("{\"enabled\":false}").send().status());
        refusedWithin(() -> me(strict.http(), access));
        assertEquals(200, me(new Http(base), access).status(), "the default mode stays stateless");
    }

    @Test
    void tokensIssuedBeforeLogoutEverywhereAreRefused() throws Exception {
        Http http = new Http(base);
        JsonObject tokens = http.register(Http.uniqueName("strictall"), PASSWORD);
        String access = tokens.getString("accessToken");
        assertEquals(200, me(strict.http(), access).status());
        Thread.sleep(1_100); // the logout-all instant must fall in a later second than the token's iat
        assertEquals(204, http.post("/api/auth/logout-all").bearer(access).send().status());
        refusedWithin(() -> me(strict.http(), access));
    }

    @Test
    void theTokensOfASessionThatEndedAreRefusedEvenInTheSecondTheyWereIssued() throws Exception {
        Http http = new Http(base);
        String name = Http.uniqueName("strictend");
        JsonObject registration = http.register(name, PASSWORD);

        // one device signs out: its token goes, the other device's stays
        JsonObject signedOut = http.login(name, PASSWORD);
        assertEquals(200, me(strict.http(), signedOut.getString("accessToken")).status());
        assertEquals(204, http.post("/api/auth/logout").bodyMode().json(Json.createObjectBuilder()
                .add("refreshToken", signedOut.getString("refreshToken")).build().toString()).send().status());
        refusedWithin(() -> me(strict.http(), signedOut.getString("accessToken")));
        assertEquals(200, me(strict.http(), registration.getString("accessToken")).status());

        // an administrator revokes one device's session
        JsonObject revoked = http.login(name, PASSWORD);
        assertEquals(204, http.delete("/api/admin/sessions/" + revoked.getString("sessionId"))
                .bearer(http.adminToken()).send().status());
        refusedWithin(() -> me(strict.http(), revoked.getString("accessToken")));

        // a logout everywhere right after the login, usually in the same second as the token's iat
        for (int i = 0; i < 3; i++) {
            String access = http.login(name, PASSWORD).getString("accessToken");
            assertEquals(204, http.post("/api/auth/logout-all").bearer(access).send().status());
            refusedWithin(() -> me(strict.http(), access));
        }
    }

    @Test
    void tokensIssuedBeforeAPasswordChangeAreRefusedAndNewOnesWork() throws Exception {
        Http http = new Http(base);
        String name = Http.uniqueName("strictpw");
        JsonObject tokens = http.register(name, PASSWORD);
        String access = tokens.getString("accessToken");
        Thread.sleep(1_100);
        assertEquals(204, http.post("/api/auth/password").bearer(access)
                .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new secret\"}").send()
                .status());
        refusedWithin(() -> me(strict.http(), access));
        Thread.sleep(1_100);
        JsonObject fresh = strict.http().post("/api/auth/refresh").bodyMode()
                .json(Json.createObjectBuilder().add("refreshToken", tokens.getString("refreshToken")).build()
                        .toString()).send().json();
        assertEquals(200, me(strict.http(), fresh.getString("accessToken")).status(),
                "a token issued after the change is accepted");
    }
}
