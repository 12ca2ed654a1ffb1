package io.keyturn.users;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.SecondInstance;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
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
 * keyturn.registration.enabled=false: a second Keyturn runs with registration switched off and with an issuer under
 * a context path (as behind a proxy), beside the default one Arquillian deploys, on the same database. Self-service
 * registration is refused there whatever is sent; administrators still create accounts, whose Location and tokens
 * carry that issuer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationSwitchIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String CLOSED_ISSUER = "https://intranet.example.com/auth";
    private static SecondInstance closed;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startAnInstanceWithRegistrationOff() throws Exception {
        closed = SecondInstance.start(Map.of("KEYTURN_REGISTRATION_ENABLED", "false",
                "KEYTURN_ISSUER", CLOSED_ISSUER));
    }

    @AfterAll
    static void stopIt() {
        if (closed != null) {
            closed.stop();
        }
    }

    private static String registration(String username) {
        return Json.createObjectBuilder().add("username", username).add("email", username + "@example.com")
                .add("password", PASSWORD).build().toString();
    }

    private static JsonObject claims(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new java.io.StringReader(payload))) {
            return reader.readObject();
        }
    }

    @Test
    void registrationIsRefusedWith403WhateverTheBody() throws Exception {
        String name = Http.uniqueName("closed");
        Http http = closed.http();
        assertProblem(http.post("/api/auth/register").json(registration(name)).send(), 403, "registration_disabled");
        assertProblem(http.post("/api/auth/register").bodyMode().json(registration(name)).send(), 403,
                "registration_disabled");
        assertProblem(http.post("/api/auth/register").json("{}").send(), 403, "registration_disabled");
        assertProblem(http.post("/api/auth/register").json("not json").send(), 403, "registration_disabled");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));

        String event = "event=registration outcome=registration_disabled user=- session=- client="
                + http.clientAddress();
        String log = Files.readString(closed.log());
        for (int i = 0; i < 20 && !log.contains(event); i++) { // the server's output may reach the file late
            Thread.sleep(250);
            log = Files.readString(closed.log());
        }
        assertTrue(log.contains(event), "a security-log event names the client");
    }

    @Test
    void anAdministratorStillCreatesAccountsThere() {
        Http http = closed.http();
        String admin = http.adminToken();
        assertEquals(CLOSED_ISSUER, claims(admin).getString("iss"), "iss is the configured issuer, byte for byte");
        String name = Http.uniqueName("invited");
        Http.Reply created = http.post("/api/admin/users").bearer(admin).json(registration(name)).send();

        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertEquals(CLOSED_ISSUER + "/api/admin/users/" + id, created.header("Location"),
                "the Location is under the issuer, context path included");
        JsonObject tokens = http.login(name, PASSWORD);
        assertEquals(id, tokens.getJsonObject("user").getString("id"));
        assertEquals(200, http.get("/api/me").bearer(tokens.getString("accessToken")).send().status());
    }

    @Test
    void theDefaultInstanceOnTheSameDatabaseStillRegisters() {
        String name = Http.uniqueName("open");
        Http.Reply reply = new Http(base).post("/api/auth/register").json(registration(name)).send();
        assertEquals(201, reply.status(), reply::toString);
        assertFalse(reply.header("Location").startsWith(CLOSED_ISSUER), "each instance has its own setting");
    }
}
