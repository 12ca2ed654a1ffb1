package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Response headers: nosniff, no-store on token responses and everything under /api, CORS for the one configured
 * origin https://app.example only, no Server or X-Powered-By header. Container-level answers: undecodable URLs,
 * TRACE and oversized headers are 4xx, never 5xx; no metrics or WADL for anonymous callers. Access tokens carry no
 * email. (That the server log holds no secret is checked in SeveralInstancesIT, whose second instance writes its log
 * straight to a file. That these requests leave no stack trace in the log is checked by reading this class's
 * -output.txt after the run: surefire writes that file through a 64 KB buffer, so the test cannot read it while it
 * runs.)
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

    // ------------------------------------------------------------------------------------- no-store under /api

    @Test
    void answersWithPersonalDataAreNotStored() {
        Http http = new Http(base);
        String name = Http.uniqueName("nostore");
        String token = http.register(name, PASSWORD).getString("accessToken");
        String admin = http.adminToken();
        for (Http.Reply reply : List.of(http.get("/api/me").bearer(token).send(),
                http.get("/api/auth/sessions").bearer(token).send(),
                http.get("/api/admin/users?offset=0&limit=5").bearer(admin).send())) {
            assertEquals(200, reply.status(), reply::toString);
            assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
        }
        // refusals under /api too (a 401 problem names no one, but nothing under /api is for caches)
        Http.Reply refused = http.get("/api/me").send();
        assertEquals(401, refused.status());
        assertEquals("no-store", refused.header("Cache-Control"));
        // what chooses its own caching keeps it
        Http.Reply jwks = http.get("/.well-known/jwks.json").send();
        assertTrue(jwks.header("Cache-Control").contains("max-age"), jwks.header("Cache-Control"));
    }

    // ------------------------------------------------------------------------------- no email in access tokens

    @Test
    void theAccessTokenCarriesNoEmailButMeAnswersIt() {
        Http http = new Http(base);
        String name = Http.uniqueName("noemail");
        String token = http.register(name, PASSWORD).getString("accessToken");
        JsonObject claims = payload(token);
        assertFalse(claims.containsKey("email"), claims::toString);
        assertEquals(Set.of("iss", "aud", "sub", "upn", "preferred_username", "groups", "iat", "exp", "jti", "sid"),
                claims.keySet());

        Http.Reply me = http.get("/api/me").bearer(token).send();
        assertEquals(200, me.status(), me::toString);
        assertEquals(name + "@example.com", me.json().getString("email"), "read from the database");
    }

    // ------------------------------------------------------------------------------ server identity headers

    @Test
    void noAnswerNamesTheServer() {
        Http http = new Http(base);
        for (Http.Reply reply : List.of(http.get("/api/me").send(), http.get("/.well-known/jwks.json").send(),
                http.get("/nothing-here").send(), http.atServerRoot("GET", "/health/ready").send(),
                http.atServerRoot("GET", "/openapi").send(), http.request("OPTIONS", "/api/me").send(),
                http.post("/api/auth/login").json("{").send())) {
            assertNull(reply.header("Server"), () -> "Server header on " + reply);
            assertNull(reply.header("X-Powered-By"), () -> "X-Powered-By on " + reply);
        }
        RawReply trace = raw("TRACE /api/me HTTP/1.1");
        assertFalse(trace.head().toLowerCase(Locale.ROOT).contains("\nserver:"), trace::head);
        assertFalse(trace.head().toLowerCase(Locale.ROOT).contains("\nx-powered-by:"), trace::head);
    }

    // ----------------------------------------------------------------------------- operational endpoints

    @Test
    void noWadlForAnyone() {
        Http http = new Http(base);
        Http.Reply wadl = http.get("/api/application.wadl").send();
        assertProblem(wadl, 404, "not_found");
        assertProblem(http.get("/api/application.wadl?detail=true").send(), 404, "not_found");

        // a probe's finding: Payara's own OpenAPI application served one (server-config/payara/system.properties)
        // (WildFly's OpenAPI answers any path below /openapi with its document, which is no WADL)
        for (Http.Reply openApi : List.of(http.atServerRoot("GET", "/openapi/application.wadl").send(),
                http.atServerRoot("OPTIONS", "/openapi").send())) {
            assertTrue(openApi.contentType() == null || !openApi.contentType().contains("wadl"), openApi::toString);
            assertFalse(openApi.body().contains("<application"), openApi::toString);
        }

        for (String path : List.of("/api/me", "/api/auth/login", "/api/admin/users")) {
            Http.Reply options = http.request("OPTIONS", path).send();
            assertFalse(options.body().contains("wadl"), () -> "OPTIONS " + path + ": " + options);
            String type = options.contentType();
            assertTrue(type == null || !type.contains("wadl"), () -> "OPTIONS " + path + ": " + type);
            if (options.status() >= 400) {
                assertTrue(type.startsWith("application/problem+json"), () -> "OPTIONS " + path + ": " + options);
            } else {
                assertTrue(options.status() == 200 || options.status() == 204, () -> "OPTIONS " + path + ": " + options);
                assertTrue(options.header("Allow") != null, "an OPTIONS answer names the methods");
            }
        }
    }

    @Test
    void noMetricsForAnonymousCallers() {
        Http http = new Http(base);
        for (String path : List.of("/metrics", "/metrics/base", "/metrics/vendor", "/metrics/application")) {
            Http.Reply metrics = http.atServerRoot("GET", path).send();
            assertTrue(metrics.status() == 401 || metrics.status() == 403 || metrics.status() == 404,
                    () -> path + ": " + metrics);
            assertFalse(metrics.body().contains("# TYPE"), () -> path + " serves metrics: " + metrics);
        }
    }

    // -------------------------------------------------------------------------- container-level refusals

    @Test
    void anUndecodableUrlIsABadRequest() {
        assumeTrue(onWildFly(), "Payara Micro 6.2025.10 fails inside its request mapper before any application "
                + "code runs (payara/Payara#8000): 200 with an empty body and a SEVERE stack trace; "
                + "docs/security.md, \"Response hygiene and container errors\"");
        for (String path : List.of("/api/admin/users/%zz", "/api/me/%2", "/%zz", "/.well-known/jwks.json%G0")) {
            RawReply reply = raw("GET " + path + " HTTP/1.1");
            assertEquals(400, reply.status(), () -> path + ": " + reply.head());
            assertTrue(reply.body().isEmpty() || reply.contentType().startsWith("application/problem+json"),
                    () -> path + ": " + reply.head() + reply.body());
        }
    }

    @Test
    void theAccountPageWithoutItsSlashRedirectsUnderTheIssuerWithThePagesHeaders() {
        for (String method : List.of("GET", "HEAD")) {
            RawReply reply = raw(method + " " + base.getPath().replaceAll("/$", "") + "/account HTTP/1.1",
                    "Host: evil.example");

            assertEquals(301, reply.status(), reply::toString);
            assertEquals(Deployments.ISSUER + "/account/", reply.header("Location"), "not from the Host header");
            assertFalse(reply.head().contains("evil.example"), reply::toString);
            assertTrue(reply.header("Content-Security-Policy").contains("frame-ancestors 'none'"), reply::toString);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertEquals("no-cache", reply.header("Cache-Control"), reply::toString);
        }
    }

    @Test
    void traceIsRefusedAndEchoesNothing() {
        int mark = ServerLog.mark();
        for (String path : List.of("/api/me", "/", "/.well-known/jwks.json", "/nothing-here")) {
            RawReply reply = raw("TRACE " + path + " HTTP/1.1", "X-Trace-Probe: c2VjcmV0LXByb2Jl");
            assertEquals(405, reply.status(), () -> path + ": " + reply.head());
            assertFalse(reply.body().contains("c2VjcmV0LXByb2Jl"), "a TRACE answer must not echo the request");
            assertTrue(reply.body().isEmpty() || reply.contentType().startsWith("application/problem+json"),
                    () -> path + ": " + reply.head() + reply.body());
        }
        assertNoStackTraceSince(mark);
    }

    @Test
    void oversizedHeadersAreAClientError() {
        for (int size : List.of(20_000, 70_000)) {
            RawReply reply = raw("GET /api/me HTTP/1.1", "X-Oversized: " + "a".repeat(size));
            assertTrue(reply.status() >= 400 && reply.status() < 500, () -> size + " bytes: " + reply.head());
            assertTrue(reply.body().isEmpty() || reply.contentType().startsWith("application/problem+json"),
                    () -> size + " bytes: " + reply.head() + reply.body());
        }
        int mark = ServerLog.mark();
        for (int size : List.of(20_000, 70_000)) {
            RawReply reply = raw("GET /.well-known/jwks.json HTTP/1.1", "X-Oversized: " + "a".repeat(size));
            assertTrue(reply.status() < 500, () -> size + " bytes: " + reply.head());
        }
        assertNoStackTraceSince(mark);
    }

    /**
     * A client that goes away in the middle of its body (or stops sending until the server's read timeout) has sent
     * a malformed request: 400, in the OAuth form on the token endpoint, and no Keyturn incident in the log (WildFly
     * logged one with a stack trace of 90 lines per such request, Payara answered a stalled one 500). Payara's
     * Grizzly closes a connection whose input ended, so Payara cannot send that 400, and its Jersey and Catalina log
     * that they could not (docs/security.md); WildFly answers it.
     */
    @Test
    void aBodyCutShortIsABadRequestAndNoIncident() {
        int mark = ServerLog.mark();
        List<Optional<RawReply>> replies = List.of(
                cutShort("/api/auth/login", "application/json", "{\"us"),
                cutShort("/api/auth/refresh", "application/json", "{\"refreshTo"),
                cutShort("/api/oauth2/token", "application/x-www-form-urlencoded", "grant_type=cli"));
        String log = ServerLog.since(mark, new Http(base).failLogin());
        assertFalse(log.contains("Unexpected failure"), () -> "an incident was logged: " + log);
        if (!onWildFly()) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            RawReply reply = replies.get(i).orElseThrow(() -> new AssertionError("no answer"));
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
            assertTrue(reply.body().contains("\"bad_request\""), reply::toString);
        }
        RawReply token = replies.get(2).orElseThrow(() -> new AssertionError("no answer"));
        assertEquals(400, token.status(), token::toString);
        assertTrue(token.body().contains("\"invalid_request\""), token::toString);
        assertNoStackTraceSince(mark);
    }

    /**
     * A quality value that is no number from 0 to 1 (RFC 9110) in Accept or Content-Type: RESTEasy failed on it while
     * matching the resource (WildFly: 500 and a stack trace), Jersey logged a stack trace. Now 400 before matching.
     */
    @Test
    void aQualityValueThatIsNoNumberIsABadRequest() {
        int mark = ServerLog.mark();
        Http http = new Http(base);
        for (String accept : List.of("application/json;q=abc", "*/*;q=0.5x", "application/json;q=")) {
            assertProblem(http.get("/api/me").header("Accept", accept).send(), 400, "bad_request");
        }
        assertProblem(http.post("/api/auth/register").body("application/json;q=abc", "{}").send(), 400,
                "bad_request");
        assertProblem(http.post("/api/oauth2/token").header("Accept", "*/*;q=abc")
                .body("application/x-www-form-urlencoded", "grant_type=client_credentials").send(), 400,
                "bad_request");
        assertEquals(200, http.get("/.well-known/jwks.json").header("Accept", "application/json;q=0.9, */*;q=0.1")
                .send().status(), "a well-formed quality value");
        assertNoStackTraceSince(mark);
    }

    /** RFC 9110 §15.5.6: a 405 says which methods the resource has, on the servlets as on the JAX-RS endpoints. */
    @Test
    void aRefusedMethodNamesTheAllowedOnes() {
        Http http = new Http(base);
        for (String[] call : List.of(new String[] {"DELETE", "/.well-known/jwks.json"},
                new String[] {"POST", "/.well-known/openid-configuration"},
                new String[] {"PUT", "/.well-known/oauth-authorization-server"}, new String[] {"POST", "/account"})) {
            Http.Reply reply = http.request(call[0], call[1]).send();
            assertProblem(reply, 405, "method_not_allowed");
            assertEquals("GET, HEAD, OPTIONS", reply.header("Allow"), () -> call[0] + " " + call[1] + ": " + reply);
            // a probe's finding: OPTIONS listed POST, PUT and DELETE, which these refuse
            Http.Reply options = http.request("OPTIONS", call[1]).send();
            assertEquals(200, options.status(), () -> "OPTIONS " + call[1] + ": " + options);
            assertEquals("GET, HEAD, OPTIONS", options.header("Allow"), () -> "OPTIONS " + call[1] + ": " + options);
        }
    }

    /**
     * Payara refused these through its error page, with a detail that did not say why and no Cache-Control. WildFly's
     * RESTEasy refuses them before any filter runs, logging RESTEASY002130 with a stack trace (docs/security.md), so
     * there only the answer is checked.
     */
    @Test
    void aMediaTypeThatIsNoneIsABadRequestNamingTheHeader() {
        int mark = ServerLog.mark();
        Http http = new Http(base);
        // values that both Jersey and RESTEasy refuse (RESTEasy takes "application/json; foo" as application/json)
        for (String contentType : List.of("a/b/c", "json")) {
            Http.Reply reply = http.post("/api/auth/login").body(contentType, "{}").send();
            assertProblem(reply, 400, "bad_request");
            assertTrue(onWildFly()
                    || reply.json().getString("detail").startsWith("The Content-Type header is not a media type"),
                    reply::toString);
            assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
        }
        Http.Reply accept = http.get("/api/me").header("Accept", "a/b/c").send();
        assertProblem(accept, 400, "bad_request");
        assertTrue(onWildFly() || accept.json().getString("detail").startsWith("The Accept header is not a media type"),
                accept::toString);
        // a lone * (old clients send it) and the usual lists still pass: to the missing token's 401
        // Java 8's HttpURLConnection's default Accept, with q=.2, too
        for (String fine : List.of("*", "text/html, image/gif, *; q=0.2, */*; q=0.2", "application/json;charset=UTF-8",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")) {
            assertEquals(401, http.get("/api/me").header("Accept", fine).send().status(), fine);
        }
        if (!onWildFly()) {
            assertNoStackTraceSince(mark);
        }
    }

    /**
     * A method the servlet API does not know (PATCH on the key set's servlet) is a problem like any other refusal, and
     * no path redirects to a place made from the Host header (WildFly redirected /console to its management port).
     */
    @Test
    void unknownMethodsAndServerConsolesAreProblems() {
        RawReply patch = raw("PATCH " + inDeployment("/.well-known/jwks.json") + " HTTP/1.1", "Content-Length: 0");
        assertEquals(501, patch.status(), patch::toString);
        assertTrue(patch.contentType().startsWith("application/problem+json"), patch::toString);
        for (String path : List.of("/console", "/console/index.html")) {
            RawReply console = raw("GET " + inDeployment(path) + " HTTP/1.1", "Host: evil.example");
            assertEquals(404, console.status(), () -> path + ": " + console);
            assertFalse(console.head().contains("evil.example"), () -> path + ": " + console);
        }
    }

    /** Refused at the resource on both servers (docs/portability.md), so the EJB container logs no refusal. */
    @Test
    void aRefusedCallIsNoErrorInTheLog() {
        int mark = ServerLog.mark();
        Http http = new Http(base);
        String token = http.register(Http.uniqueName("refused"), PASSWORD).getString("accessToken");
        assertEquals(401, http.get("/api/me").send().status(), "anonymous");
        assertEquals(401, http.get("/api/auth/sessions").bearer("not.a.token").send().status(), "invalid token");
        assertEquals(403, http.get("/api/admin/users").bearer(token).send().status(), "a user, not an admin");
        assertNoStackTraceSince(mark);
    }

    /**
     * Nothing the server logged since {@code mark} is a stack trace or an error. A failed login from a fresh address
     * afterwards marks the end: the server logs in order, so once its line is there everything before it is too.
     */
    private void assertNoStackTraceSince(int mark) {
        String log = ServerLog.since(mark, new Http(base).failLogin());
        // Payara writes [SEVERE], WildFly "hh:mm:ss,SSS ERROR [category]"; WildFly's stack frames name their module
        // ("at org.jboss.as.ejb3@39.0.1.Final//org.jboss...(")
        assertFalse(log.contains("SEVERE") || log.contains(" ERROR ["), () -> "an error was logged: " + log);
        assertFalse(java.util.regex.Pattern.compile("(?m)^\\s+at \\S+\\(").matcher(log).find(),
                () -> "a stack trace was logged: " + log);
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
        // the JWKS is publicly cacheable: every variant must say it depends on Origin, or a shared cache could serve
        // the one without CORS headers to the allowed origin (it was only on the allowed origin's answer)
        for (Http.Reply reply : List.of(allowed, foreign, http.get("/.well-known/jwks.json").send())) {
            assertTrue(reply.headers("Vary").stream().anyMatch(vary -> vary.contains("Origin")), reply::toString);
        }
        Http.Reply foreignPreflight = http.request("OPTIONS", "/api/auth/refresh")
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").send();
        assertNull(foreignPreflight.header("Access-Control-Allow-Origin"));
    }

    private static boolean onWildFly() {
        return "wildfly".equals(System.getProperty("arquillian.launch"));
    }

    private static JsonObject payload(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** A reply read off the socket: the JDK's HTTP client refuses to send malformed URLs and TRACE bodies alike. */
    record RawReply(int status, String head, String body) {

        String contentType() {
            return header("Content-Type");
        }

        /** The first value of the header, or "" without it. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).strip();
                }
            }
            return "";
        }
    }

    /**
     * One HTTP/1.1 request written byte for byte (the request line as given), answered on a closed connection. The
     * Host header names the server unless {@code headers} has one.
     */
    private RawReply raw(String requestLine, String... headers) {
        return exchange(requestLine, headers, "", false);
    }

    /**
     * A request whose body stops after {@code partOfBody} although its Content-Length announced 100 bytes more: the
     * client closes its side of the connection (as a client that goes away does) and reads the answer, if any.
     */
    private Optional<RawReply> cutShort(String path, String contentType, String partOfBody) {
        return Optional.ofNullable(exchange("POST " + inDeployment(path) + " HTTP/1.1", new String[] {
                "Content-Type: " + contentType, "Content-Length: " + (partOfBody.length() + 100)}, partOfBody, true));
    }

    /** The path under the deployment's context root ("/" on WildFly, a test name on Payara). */
    private String inDeployment(String path) {
        return base.getPath().replaceAll("/$", "") + path;
    }

    private RawReply exchange(String requestLine, String[] headers, String body, boolean closeAfterBody) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        if (Arrays.stream(headers).noneMatch(header -> header.regionMatches(true, 0, "Host:", 0, 5))) {
            request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (closeAfterBody) {
                socket.shutdownOutput();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (answer.isEmpty() && closeAfterBody) {
                return null; // the server closed the connection without an answer
            }
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String[] statusLine = head.split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new AssertionError("no HTTP answer to " + requestLine + ": " + answer);
            }
            return new RawReply(Integer.parseInt(statusLine[1]), head, end < 0 ? "" : answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
