package io.keyturn.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Response headers: nosniff, no-store on token responses, CORS for the one configured origin https://app.example
 * only. (That the server log holds no secret is checked in SeveralInstancesIT, whose second instance writes its log
 * straight to a file.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResponseHygieneIT {

    private static final String PASSWORD = "hygiene passphrase 9f3k";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyResponseOfTheApplicationSaysNosniff() {
        Http http = new Http(base);
        for (Http.Reply reply : List.of(http.get("/api/me").send(), http.get("/.well-known/jwks.json").send(),
                http.get("/nothing-here").send(), http.post("/api/auth/login").json("{").send())) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
        }
    }

    @Test
    void tokenResponsesAreNotStored() {
        Http http = new Http(base);
        String name = Http.uniqueName("nostore");
        http.register(name, PASSWORD);
        Http.Reply login = http.post("/api/auth/login").bodyMode()
                .json("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertEquals("no-store", login.header("Cache-Control"));
    }

    @Test
    void corsAnswersTheConfiguredOriginOnly() {
        Http http = new Http(base);
        Http.Reply preflight = http.request("OPTIONS", "/api/auth/refresh").header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-requested-with").send();
        assertEquals(204, preflight.status());
        assertEquals("https://app.example", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("true", preflight.header("Access-Control-Allow-Credentials"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").contains("X-Requested-With"));

        Http.Reply allowed = http.get("/.well-known/jwks.json").header("Origin", "https://app.example").send();
        assertEquals("https://app.example", allowed.header("Access-Control-Allow-Origin"));

        Http.Reply foreign = http.get("/.well-known/jwks.json").header("Origin", "https://evil.example").send();
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        Http.Reply foreignPreflight = http.request("OPTIONS", "/api/auth/refresh")
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").send();
        assertNull(foreignPreflight.header("Access-Control-Allow-Origin"));
    }
}
