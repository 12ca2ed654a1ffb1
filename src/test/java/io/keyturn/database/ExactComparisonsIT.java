package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every comparison Keyturn makes is exact, whatever the database server's default collation: the MariaDB pass runs
 * on a server whose default collation ignores case and accents, and migration V9
 * (db/migration-mysql) gives Keyturn's tables a binary collation. H2 compares exactly by itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExactComparisonsIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private Http http() {
        return new Http(base);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Http.Reply register(String username, String email) {
        return http().post("/api/auth/register").bodyMode()
                .json(Json.createObjectBuilder().add("username", username).add("email", email)
                        .add("password", PASSWORD).build().toString())
                .send();
    }

    @Test
    void emailsThatDifferByAnAccentAreTwoAccountsAndEachLogsIntoItsOwn() {
        String tag = unique();
        Http.Reply plain = register("plain-" + tag, "jose." + tag + "@example.com");
        Http.Reply accented = register("accent-" + tag, "jos\u00e9." + tag + "@example.com");
        assertEquals(201, plain.status(), plain.body());
        assertEquals(201, accented.status(), "not taken by jose.: " + accented.body());

        JsonObject login = http().login("jos\u00e9." + tag + "@example.com", PASSWORD);
        assertEquals(accented.json().getJsonObject("user").getString("id"),
                login.getJsonObject("user").getString("id"));
        assertNotEquals(plain.json().getJsonObject("user").getString("id"),
                login.getJsonObject("user").getString("id"));
    }

    @Test
    void clientIdsThatDifferByCaseAreTwoClientsAndOneSecretOpensOnlyItsOwn() {
        String tag = unique();
        String adminToken = http().adminToken();
        String upper = "Svc" + tag;
        String lower = "svc" + tag;
        String upperSecret = registerClient(adminToken, upper).getString("clientSecret");
        registerClient(adminToken, lower);

        Http.Reply asLowerWithUppersSecret = http().post("/api/oauth2/token")
                .header("Authorization", basic(lower, upperSecret))
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials").send();
        assertEquals(401, asLowerWithUppersSecret.status(), asLowerWithUppersSecret.body());
        assertEquals("invalid_client", asLowerWithUppersSecret.json().getString("error"));

        assertEquals(200, http().post("/api/oauth2/token").header("Authorization", basic(upper, upperSecret))
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials").send().status());
    }

    /** MySQL's collations, the binary one too, ignore trailing spaces: an id with one must still name nothing. */
    @Test
    void anIdWithATrailingSpaceNamesNothing() {
        JsonObject tokens = http().register("space-" + unique(), PASSWORD);
        String userId = tokens.getJsonObject("user").getString("id");
        assertEquals(404, http().get("/api/admin/users/" + userId + "%20").bearer(http().adminToken()).send()
                .status());
        assertEquals(404, http().delete("/api/auth/sessions/" + tokens.getString("sessionId") + "%20")
                .bearer(tokens.getString("accessToken")).send().status());
        assertEquals(200, http().post("/api/auth/refresh").bodyMode().json(Json.createObjectBuilder()
                .add("refreshToken", tokens.getString("refreshToken")).build().toString()).send().status(),
                "the session lives on");
    }

    private JsonObject registerClient(String adminToken, String clientId) {
        Http.Reply reply = http().post("/api/admin/clients").bearer(adminToken)
                .json(Json.createObjectBuilder().add("clientId", clientId).add("confidential", true)
                        .add("roles", Json.createArrayBuilder().add("service")).build().toString()).send();
        assertEquals(201, reply.status(), clientId + " is a client of its own: " + reply.body());
        return reply.json();
    }

    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
