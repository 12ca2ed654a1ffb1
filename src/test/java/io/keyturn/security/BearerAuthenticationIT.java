package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 6750 bearer authentication, roles, the JWKS, and the addresses outside the JAX-RS application (health,
 * OpenAPI, error pages), against one deployed Keyturn.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BearerAuthenticationIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String CHALLENGE = "Bearer realm=\"keyturn\"";
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"keyturn\", error=\"invalid_token\"";
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_OUT = Base64.getUrlEncoder().withoutPadding();
    private static final String UNKNOWN_ID = UUID.randomUUID().toString();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private Http http() {
        return new Http(base);
    }

    private JsonObject newUser(String prefix) {
        return http().register(Http.uniqueName(prefix), PASSWORD);
    }

    private static JsonObject decode(String token, int part) {
        String json = new String(B64URL.decode(token.split("\\.", -1)[part]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String encode(JsonObject json) {
        return B64URL_OUT.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Http.Reply me(String token) {
        return http().get("/api/me").bearer(token).send();
    }

    private static void assertInvalidToken(Http.Reply reply) {
        assertProblem(reply, 401, "invalid_token");
        assertEquals(INVALID_TOKEN_CHALLENGE, reply.header("WWW-Authenticate"));
    }

    /** The server's private signing key, read from the database it keeps it in, for the token named. */
    private static PublicJsonWebKey serverKey(String token) throws Exception {
        String kid = decode(token, 0).getString("kid");
        String jwk = TestDatabase.text("SELECT jwk FROM signing_keys WHERE kid = ?", kid);
        assertNotNull(jwk, () -> "signing_keys has the key " + kid);
        return PublicJsonWebKey.Factory.newPublicJwk(jwk);
    }

    /** The claims of a real token, changed as given, signed with the given key under the given kid. */
    private static String forge(String realToken, Consumer<JwtClaims> change, String kid, Key key) throws Exception {
        JwtClaims claims = JwtClaims.parse(decode(realToken, 1).toString());
        claims.setJwtId("forged-" + System.nanoTime());
        change.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    private static String forgeWithServerKey(String realToken, Consumer<JwtClaims> change) throws Exception {
        PublicJsonWebKey key = serverKey(realToken);
        return forge(realToken, change, key.getKeyId(), key.getPrivateKey());
    }

    private static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }

    // -------------------------------------------------------------------------------------------- /api/me

    @Test
    void aValidTokenReachesMe() {
        Http http = http();
        String name = Http.uniqueName("bearer");
        JsonObject tokens = http.register(name, PASSWORD);
        JsonObject user = tokens.getJsonObject("user");

        Http.Reply me = http.get("/api/me").bearer(tokens.getString("accessToken")).send();
        assertEquals(200, me.status(), me::toString);
        assertTrue(me.contentType().startsWith("application/json"), me.contentType());
        JsonObject body = me.json();
        assertEquals(user.getString("id"), body.getString("id"));
        assertEquals(name, body.getString("username"));
        assertEquals(name + "@example.com", body.getString("email"));
        assertEquals(List.of("user"), body.getJsonArray("roles").getValuesAs(JsonString::getString));
        assertEquals(Set.of("id", "username", "email", "roles"), body.keySet());
        assertNull(me.header("Set-Cookie"), "no HTTP session cookie");
    }

    @Test
    void theAuthSchemeIsCaseInsensitive() {
        String token = newUser("scheme").getString("accessToken");
        Http.Reply me = http().get("/api/me").header("Authorization", "bearer " + token).send();
        assertEquals(200, me.status(), me::toString);
    }

    @Test
    void noTokenIsChallenged() {
        Http.Reply reply = http().get("/api/me").send();
        assertProblem(reply, 401, "unauthorized");
        assertEquals(CHALLENGE, reply.header("WWW-Authenticate"));

        Http.Reply admin = http().get("/api/admin/users").send();
        assertProblem(admin, 401, "unauthorized");
        assertEquals(CHALLENGE, admin.header("WWW-Authenticate"));
    }

    @Test
    void anotherAuthSchemeIsTreatedAsNoToken() {
        Http.Reply reply = http().get("/api/me").header("Authorization", "Basic YWRtaW46YWRtaW4=").send();
        assertProblem(reply, 401, "unauthorized");
        assertEquals(CHALLENGE, reply.header("WWW-Authenticate"));
    }

    @Test
    void aTamperedTokenIsInvalid() {
        String token = newUser("tamper").getString("accessToken");
        assertEquals(200, me(token).status(), "the untouched token works");
        String[] parts = token.split("\\.");
        JsonObject escalated = Json.createObjectBuilder(decode(token, 1))
                .add("groups", Json.createArrayBuilder().add("user").add("admin")).build();
        String tampered = parts[0] + "." + encode(escalated) + "." + parts[2];

        assertInvalidToken(me(tampered));
        assertInvalidToken(http().get("/api/admin/users").bearer(tampered).send());
    }

    @Test
    void anAlgNoneTokenIsInvalid() {
        String token = newUser("none").getString("accessToken");
        JsonObject header = Json.createObjectBuilder(decode(token, 0)).add("alg", "none").build();
        String payload = token.split("\\.")[1];
        assertInvalidToken(me(encode(header) + "." + payload + "."));
        assertInvalidToken(me(encode(header) + "." + payload + "." + token.split("\\.")[2]));
    }

    @Test
    void aTokenSignedWithAForeignKeyUnderTheServersKidIsInvalid() throws Exception {
        String token = newUser("foreign").getString("accessToken");
        String kid = decode(token, 0).getString("kid");
        PublicJsonWebKey foreign = RsaJwkGenerator.generateJwk(2048);
        String forged = forge(token, claims -> { }, kid, foreign.getPrivateKey());
        assertEquals(kid, decode(forged, 0).getString("kid"));
        assertInvalidToken(me(forged));
    }

    @Test
    void garbageIsAnInvalidToken() {
        assertInvalidToken(me("garbage"));
        assertInvalidToken(me("a.b.c"));
        assertInvalidToken(me("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.AAAA"));
    }

    @Test
    void aTokenLongerThan8192CharactersIsRefusedAsAClientError() {
        // over HTTP/1.1 the container's header limit (about 8 KB) refuses it before Keyturn sees it
        Http.Reply reply = http().get("/api/me").bearer("x".repeat(8300)).http11().send();
        assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
        assertEquals(200, http().get("/.well-known/jwks.json").http11().send().status(), "the server still answers");
    }

    /**
     * A client that sends an oversized header over HTTP/2 (h2c, the JDK client's default) must not break the server
     * for later requests. Runs last: when it fails it leaves the server answering 431 at random.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void anOversizedHeaderOverHttp2DoesNotBreakLaterRequests() {
        for (int i = 0; i < 4; i++) {
            try {
                Http.Reply refused = http().get("/api/me").bearer("x".repeat(8300)).h2c().send();
                assertTrue(refused.status() >= 400 && refused.status() < 500, refused::toString);
            } catch (UncheckedIOException streamReset) {
                // RST_STREAM is an acceptable refusal of the oversized request itself
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            statuses.add(http().get("/.well-known/jwks.json").h2c().send().status());
        }
        assertEquals(Collections.nCopies(24, 200), statuses, "later, ordinary requests over HTTP/2");
    }

    @Test
    void aTokenSignedWithTheServersOwnKeyIsAccepted() throws Exception {
        // the control for the forgeries below: with valid claims, the key read from the database works
        JsonObject user = newUser("ownkey");
        String forged = forgeWithServerKey(user.getString("accessToken"), claims -> { });
        Http.Reply reply = me(forged);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.getJsonObject("user").getString("id"), reply.json().getString("id"));
    }

    @Test
    void anExpiredTokenIsInvalid() throws Exception {
        String token = newUser("expired").getString("accessToken");
        String expired = forgeWithServerKey(token, claims -> {
            claims.setIssuedAt(secondsFromNow(-3600));
            claims.setExpirationTime(secondsFromNow(-2700));
        });
        assertInvalidToken(me(expired));
    }

    @Test
    void aWrongIssuerIsAnInvalidToken() throws Exception {
        String token = newUser("iss").getString("accessToken");
        assertInvalidToken(me(forgeWithServerKey(token, claims -> claims.setIssuer("https://evil.example"))));
    }

    @Test
    void aWrongAudienceIsAnInvalidToken() throws Exception {
        String token = newUser("aud").getString("accessToken");
        assertInvalidToken(me(forgeWithServerKey(token, claims -> claims.setAudience("another-service"))));
    }

    @Test
    void anUnknownKidIsAnInvalidToken() throws Exception {
        String token = newUser("kid").getString("accessToken");
        PublicJsonWebKey key = serverKey(token);
        assertInvalidToken(me(forge(token, claims -> { }, "no-such-key", key.getPrivateKey())));
    }

    @Test
    void publicEndpointsIgnoreAnInvalidOrExpiredBearerToken() throws Exception {
        String name = Http.uniqueName("public");
        String token = http().register(name, PASSWORD).getString("accessToken");
        String expired = forgeWithServerKey(token, claims -> {
            claims.setIssuedAt(secondsFromNow(-3600));
            claims.setExpirationTime(secondsFromNow(-2700));
        });
        String credentials = Json.createObjectBuilder().add("username", name).add("password", PASSWORD).build()
                .toString();

        Http.Reply withExpired = http().post("/api/auth/login").bearer(expired).json(credentials).send();
        assertEquals(200, withExpired.status(), withExpired::toString);
        assertEquals(name, withExpired.json().getJsonObject("user").getString("username"));

        Http.Reply withGarbage = http().post("/api/auth/login").bearer("garbage").json(credentials).send();
        assertEquals(200, withGarbage.status(), withGarbage::toString);

        String other = Http.uniqueName("public");
        Http.Reply register = http().post("/api/auth/register").bearer("garbage")
                .json(Json.createObjectBuilder().add("username", other).add("email", other + "@example.com")
                        .add("password", PASSWORD).build().toString())
                .send();
        assertEquals(201, register.status(), register::toString);
    }

    // --------------------------------------------------------------------------------------- admin users

    @Test
    void aUserIsForbiddenTheAdminUsers() {
        String token = newUser("nonadmin").getString("accessToken");
        Http.Reply reply = http().get("/api/admin/users").bearer(token).send();
        assertProblem(reply, 403, "forbidden");
        assertNull(reply.header("WWW-Authenticate"), "403 is not a challenge");
        assertProblem(http().get("/api/admin/users/" + UNKNOWN_ID).bearer(token).send(), 403, "forbidden");
    }

    @Test
    void theAdminGetsAPageOfUsers() {
        newUser("listed");
        String admin = http().adminToken();
        Http.Reply reply = http().get("/api/admin/users").bearer(admin).send();
        assertEquals(200, reply.status(), reply::toString);
        JsonObject page = reply.json();
        assertEquals(Set.of("items", "offset", "limit", "total"), page.keySet());
        assertEquals(0, page.getInt("offset"));
        assertEquals(50, page.getInt("limit"), "the default page size");
        long total = page.getJsonNumber("total").longValueExact();
        assertEquals(TestDatabase.number("SELECT COUNT(*) FROM users"), total);
        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(Math.min(50, total), items.size());
        for (JsonObject item : items) {
            assertEquals(Set.of("id", "username", "email", "roles", "enabled", "createdAt"), item.keySet());
            assertFalse(item.toString().contains("argon2"), "no password hash in the page");
        }
        assertTrue(items.stream().anyMatch(item -> item.getString("username").equals("admin")));

        JsonObject second = http().get("/api/admin/users?offset=1&limit=1").bearer(admin).send().json();
        assertEquals(1, second.getInt("offset"));
        assertEquals(1, second.getInt("limit"));
        assertEquals(1, second.getJsonArray("items").size());
        assertEquals(items.get(1).getString("id"), second.getJsonArray("items").getJsonObject(0).getString("id"),
                "offset and limit select the same order");
    }

    @Test
    void invalidPagingParametersAreA400NamingTheParameter() {
        String admin = http().adminToken();
        assertEquals(Set.of("limit"), errorFields(http().get("/api/admin/users?limit=abc").bearer(admin).send()));
        assertEquals(Set.of("limit"), errorFields(http().get("/api/admin/users?limit=0").bearer(admin).send()));
        assertEquals(Set.of("limit"), errorFields(http().get("/api/admin/users?limit=201").bearer(admin).send()));
        assertEquals(Set.of("offset"), errorFields(http().get("/api/admin/users?offset=-1").bearer(admin).send()));
        assertEquals(Set.of("offset", "limit"),
                errorFields(http().get("/api/admin/users?offset=x&limit=9999999999").bearer(admin).send()));
    }

    private static Set<String> errorFields(Http.Reply reply) {
        JsonObject problem = assertProblem(reply, 400, "validation_failed");
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).collect(Collectors.toSet());
    }

    @Test
    void anUnknownUserIdIsA404() {
        Http.Reply reply = http().get("/api/admin/users/" + UNKNOWN_ID).bearer(http().adminToken()).send();
        assertProblem(reply, 404, "user_not_found");
    }

    @Test
    void theAdminGetsOneUserById() {
        JsonObject user = newUser("one").getJsonObject("user");
        Http.Reply reply = http().get("/api/admin/users/" + user.getString("id")).bearer(http().adminToken()).send();
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(user.getString("username"), reply.json().getString("username"));
        assertTrue(reply.json().getBoolean("enabled"));
    }

    // ---------------------------------------------------------------------------------------------- JWKS

    @Test
    void theJwksPublishesThePublicSigningKeyOnly() {
        Http.Reply reply = http().get("/.well-known/jwks.json").send();
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().contains("json"), reply.contentType());
        String cacheControl = reply.header("Cache-Control");
        assertNotNull(cacheControl, "Cache-Control");
        assertTrue(cacheControl.matches(".*max-age=\\d+.*"), cacheControl);

        List<JsonObject> keys = reply.json().getJsonArray("keys").getValuesAs(JsonObject.class);
        assertFalse(keys.isEmpty(), "an RS256 deployment (the default) publishes its key");
        JsonObject key = keys.get(0);
        assertFalse(key.getString("kid").isBlank());
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertTrue(key.containsKey("n") && key.containsKey("e"), "the RSA public key");
        for (JsonObject each : keys) {
            assertFalse(each.containsKey("d"), "no private key member in the JWKS");
        }
        assertFalse(reply.body().contains("\"d\""), "no private key member anywhere in the JWKS");

        String token = newUser("kid").getString("accessToken");
        assertTrue(keys.stream().anyMatch(k -> k.getString("kid").equals(decode(token, 0).getString("kid"))),
                "the key that signs tokens is published");
    }

    @Test
    void anIssuedTokenVerifiesAgainstTheJwks() throws Exception {
        JsonObject tokens = newUser("verify");
        String token = tokens.getString("accessToken");
        JsonWebKeySet jwks = new JsonWebKeySet(http().get("/.well-known/jwks.json").send().body());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, "RS256"))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedType(true, "JWT")
                .setExpectedIssuer(Deployments.ISSUER)
                .setExpectedAudience("keyturn")
                .setRequireSubject()
                .setRequireJwtId()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .build();

        JwtClaims claims = consumer.processToClaims(token);
        JsonObject user = tokens.getJsonObject("user");
        assertEquals(user.getString("id"), claims.getSubject());
        assertEquals(user.getString("username"), claims.getStringClaimValue("upn"));
        assertEquals(user.getString("username"), claims.getStringClaimValue("preferred_username"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        assertEquals(tokens.getString("sessionId"), claims.getStringClaimValue("sid"));
        assertEquals(900, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());

        // and the JWKS does not verify a forgery under the same kid
        PublicJsonWebKey foreign = RsaJwkGenerator.generateJwk(2048);
        String forged = forge(token, c -> { }, decode(token, 0).getString("kid"), foreign.getPrivateKey());
        assertThrows(InvalidJwtException.class, () -> consumer.processToClaims(forged));
        for (JsonWebKey key : jwks.getJsonWebKeys()) {
            assertFalse(key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).contains("\"d\""));
        }
    }

    /**
     * A key another instance generated (stored here through JDBC) appears in this instance's JWKS at its next reload
     * (every 2 s in the tests) and already verifies, but does not sign before it has been published for
     * keyturn.signing.key-publish-seconds (6 minutes by default); once removed, it leaves the JWKS again.
     */
    @Test
    void aKeyStoredByAnotherInstanceIsPublishedAtTheNextReloadBeforeItSigns() throws Exception {
        String token = newUser("rotation").getString("accessToken");
        String signingKid = decode(token, 0).getString("kid");
        RsaJsonWebKey successor = RsaJwkGenerator.generateJwk(2048);
        successor.setKeyId("it-successor-" + UUID.randomUUID());
        successor.setAlgorithm("RS256");
        successor.setUse("sig");
        long next = TestDatabase.number("SELECT MAX(sequence_no) FROM signing_keys WHERE algorithm = 'RS256'") + 1;
        TestDatabase.update("INSERT INTO signing_keys (kid, algorithm, sequence_no, jwk, created_at) "
                + "VALUES (?, 'RS256', ?, ?, ?)", successor.getKeyId(), next,
                successor.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), LocalDateTime.now(ZoneOffset.UTC));
        try {
            assertTrue(jwksSoonContains(successor.getKeyId(), true), "the new key is published within a reload");
            List<String> kids = jwksKids();
            assertTrue(kids.contains(signingKid), "the signing key stays published: " + kids);

            String later = newUser("rotation-later").getString("accessToken");
            assertEquals(signingKid, decode(later, 0).getString("kid"), "the new key does not sign yet");
            String signedBySuccessor = forge(later, c -> { }, successor.getKeyId(), successor.getPrivateKey());
            assertEquals(200, me(signedBySuccessor).status(), "but it verifies already");
        } finally {
            TestDatabase.update("DELETE FROM signing_keys WHERE kid = ?", successor.getKeyId());
        }
        assertTrue(jwksSoonContains(successor.getKeyId(), false), "a removed key leaves the JWKS at the next reload");
    }

    private List<String> jwksKids() {
        return http().get("/.well-known/jwks.json").send().json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid")).toList();
    }

    private boolean jwksSoonContains(String kid, boolean expected) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (jwksKids().contains(kid) == expected) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Test
    void theJwksAnswersOnlyGet() {
        Http.Reply reply = http().post("/.well-known/jwks.json").json("{}").send();
        assertProblem(reply, 405, "method_not_allowed");
    }

    // ------------------------------------------------------------------------------- server-root endpoints

    @Test
    void healthLiveAndReadyAreUp() {
        Http.Reply live = http().atServerRoot("GET", "/health/live").send();
        assertEquals(200, live.status(), live::toString);
        assertEquals("UP", live.json().getString("status"));

        Http.Reply ready = http().atServerRoot("GET", "/health/ready").send();
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        JsonObject database = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst()
                .orElseThrow(() -> new AssertionError("no database check in " + ready.body()));
        assertEquals("UP", database.getString("status"));

        // GET /health: every check, liveness and readiness together (on WildFly proxied from the management port)
        Http.Reply all = http().atServerRoot("GET", "/health").send();
        assertEquals(200, all.status(), all::toString);
        assertEquals("UP", all.json().getString("status"));
        assertTrue(all.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(check -> check.getString("name").equals("database")), all::body);
    }

    @Test
    void openApiDescribesTheEndpointsAndTheirSchemas() {
        Http.Reply reply = http().atServerRoot("GET", "/openapi").header("Accept", "application/json").send();
        assertEquals(200, reply.status(), reply::toString);
        JsonObject document = reply.json();
        Set<String> paths = document.getJsonObject("paths").keySet();
        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/me", "/api/admin/users")) {
            assertTrue(paths.stream().anyMatch(p -> p.endsWith(path)), () -> path + " missing from " + paths);
        }
        Set<String> schemas = document.getJsonObject("components").getJsonObject("schemas").keySet();
        for (String schema : List.of("TokenResponse", "RegistrationRequest", "Problem")) {
            assertTrue(schemas.contains(schema), () -> "schema " + schema + " missing from " + schemas);
        }
    }

    // ------------------------------------------------------------------------------------ error answers

    @Test
    void anUnknownPathUnderApiIsA404Problem() {
        assertProblem(http().get("/api/no-such-endpoint").send(), 404, "not_found");
        assertProblem(http().post("/api/auth/no-such-endpoint").json("{}").send(), 404, "not_found");
    }

    @Test
    void anUnknownPathOutsideApiIsA404Problem() {
        assertProblem(http().get("/no-such-page").send(), 404, "not_found");
        assertProblem(http().get("/.well-known/no-such-document").send(), 404, "not_found");
    }

    @Test
    void aWrongMethodUnderApiIsA405ProblemWithAllow() {
        Http.Reply reply = http().get("/api/auth/login").send();
        assertProblem(reply, 405, "method_not_allowed");
        assertNotNull(reply.header("Allow"), "Allow");
        assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
    }
}
