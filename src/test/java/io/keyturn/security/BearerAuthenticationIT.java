package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BearerAuthenticationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    @Test
    void aValidTokenReachesMe() {
        Http http = new Http(base);
        String name = Http.uniqueName("bearer");
        JsonObject tokens = http.register(name, "correct horse battery");
        Http.Reply me = http.get("/api/me").bearer(tokens.getString("accessToken")).send();
        assertEquals(200, me.status(), me::toString);
        assertEquals(name, me.json().getString("username"));
        assertNull(me.header("Set-Cookie"), "no HTTP session cookie");
    }

    @Test
    void noTokenIsChallenged() {
        Http.Reply reply = new Http(base).get("/api/me").send();
        assertProblem(reply, 401, "unauthorized");
        assertEquals("Bearer realm=\"keyturn\"", reply.header("WWW-Authenticate"));
    }
}
