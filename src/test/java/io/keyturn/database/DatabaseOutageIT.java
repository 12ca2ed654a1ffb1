package io.keyturn.database;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Burst;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.MariaDbServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stops the MariaDB server under a running Keyturn and starts it again (MySQL run only: the embedded database
 * cannot be taken away). While it is gone, database work answers 503 with Retry-After, bearer-protected requests
 * keep being served and readiness is DOWN; when it is back, everything works again without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final String PASSWORD = "correct horse battery";
    private static final long RECOVERY_DEADLINE_MILLIS = 60_000;
    private static final int POOL_GROWING_REQUESTS = 24;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    @Test
    void anOutageAnswers503WhileAccessTokensStillVerifyUntilTheDatabaseReturns() throws Exception {
        assertTrue(MariaDbServer.running(), "this test needs the MariaDB run (failsafe execution 'mariadb')");
        Http http = new Http(base);
        String name = Http.uniqueName("outage");
        JsonObject tokens = http.register(name, PASSWORD);
        URI ready = URI.create(http.uri("/").resolve("/health/ready").toString());
        growThePool(http, tokens.getString("accessToken"));

        MariaDbServer.stop();
        try {
            Http.Reply login = http.post("/api/auth/login").bodyMode()
                    .json("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").send();
            assertProblem(login, 503, "service_unavailable");
            assertNotNull(login.header("Retry-After"), "Retry-After");
            String refreshBody = Json.createObjectBuilder()
                    .add("refreshToken", tokens.getString("refreshToken")).build().toString();
            assertProblem(http.post("/api/auth/refresh").bodyMode().json(refreshBody).send(), 503,
                    "service_unavailable");
            assertProblem(http.post("/api/auth/logout").bodyMode().json(refreshBody).send(), 503,
                    "service_unavailable");

            // the token is still verified (403: valid, but without role admin; a refused token would be 401), and
            // the role check needs no database either
            assertProblem(http.get("/api/admin/users").bearer(tokens.getString("accessToken")).send(), 403,
                    "forbidden");
            // /api/me reads the email from the database: access tokens carry no email (keyturn.access-token.email-claim)
            Http.Reply me = http.get("/api/me").bearer(tokens.getString("accessToken")).send();
            assertProblem(me, 503, "service_unavailable");
            assertNotNull(me.header("Retry-After"), "Retry-After");

            Http.Reply readiness = http.request("GET", ready.toString()).send();
            assertEquals(503, readiness.status(), readiness::toString);
            assertTrue(readiness.body().contains("DOWN"), readiness::toString);
        } finally {
            MariaDbServer.start();
        }

        long deadline = System.currentTimeMillis() + RECOVERY_DEADLINE_MILLIS;
        while (http.request("GET", ready.toString()).send().status() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "readiness back to UP within a minute");
            Thread.sleep(500);
        }
        JsonObject again = http.login(name, PASSWORD);
        assertNotNull(again.getString("accessToken"));
        Http.Reply refreshed = http.post("/api/auth/refresh").bodyMode().json(Json.createObjectBuilder()
                .add("refreshToken", tokens.getString("refreshToken")).build().toString()).send();
        assertEquals(200, refreshed.status(), refreshed::toString);
    }

    /**
     * Leaves the pool holding connections opened before the outage that nothing uses while the database is gone, as a
     * server that has been serving for a while does: after the outage, requests are handed those connections first.
     */
    private static void growThePool(Http http, String accessToken) {
        List<Http.Reply> replies = Burst.send(Collections.nCopies(POOL_GROWING_REQUESTS,
                () -> http.get("/api/me").bearer(accessToken).send()));
        assertEquals(POOL_GROWING_REQUESTS, Burst.count(replies, 200), replies::toString);
    }
}
