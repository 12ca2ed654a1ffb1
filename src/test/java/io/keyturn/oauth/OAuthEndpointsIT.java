package io.keyturn.oauth;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.ServerLog;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The standard OAuth 2.0 surface of contract v2: the client registry, the token endpoint (RFC 6749), revocation
 * (RFC 7009) and introspection (RFC 7662), black-box over HTTP with form bodies, plus the database state behind them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OAuthEndpointsIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private Http http() {
        return new Http(base);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** RFC 6749 §2.3.1: id and secret each form-urlencoded, then joined by a colon and base64'd. */
    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject registerClient(String clientId, boolean confidential, String... roles) {
        var rolesJson = Json.createArrayBuilder();
        for (String role : roles) {
            rolesJson.add(role);
        }
        Http.Reply reply = http().post("/api/admin/clients").bearer(http().adminToken())
                .json(Json.createObjectBuilder().add("clientId", clientId).add("confidential", confidential)
                        .add("roles", rolesJson).build().toString()).send();
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private Http.Reply token(Http client, String body) {
        return client.post("/api/oauth2/token").body(FORM, body).send();
    }

    private Http.Reply token(String body) {
        return token(http(), body);
    }

    private Http.Reply tokenWithBasic(String clientId, String secret, String body) {
        return http().post("/api/oauth2/token").header("Authorization", basic(clientId, secret)).body(FORM, body)
                .send();
    }

    private static void assertOAuthError(Http.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonObject body = reply.json();
        assertEquals(error, body.getString("error"), reply.body());
        assertFalse(body.getString("error_description").isBlank());
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("no-cache", reply.header("Pragma"));
        if (status == 401) {
            assertEquals("Basic realm=\"keyturn\"", reply.header("WWW-Authenticate"));
        }
    }

    private static JsonObject assertTokenResponse(Http.Reply reply, boolean withRefreshToken) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("no-cache", reply.header("Pragma"));
        JsonObject body = reply.json();
        assertFalse(body.getString("access_token").isBlank());
        assertEquals("Bearer", body.getString("token_type"));
        assertTrue(body.getJsonNumber("expires_in").longValue() > 0);
        assertEquals(withRefreshToken, body.containsKey("refresh_token"), reply.body());
        return body;
    }

    /** The claims of a JWT, read without checking it (the server checked it; the test only reads). */
    private static JsonObject claimsOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(payload)).readObject();
    }

    // ---- the client registry ------------------------------------------------------------------------------

    @Test
    void registryShowsTheSecretOnceListsWithoutSecretsAndRefusesDuplicates() {
        String clientId = Http.uniqueName("orders-api");
        JsonObject created = registerClient(clientId, true, "service");
        assertEquals(clientId, created.getString("clientId"));
        assertTrue(created.getBoolean("confidential"));
        assertEquals(Json.createArrayBuilder().add("service").build(), created.getJsonArray("roles"));
        assertNotNull(created.getString("createdAt"));
        String secret = created.getString("clientSecret");
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length, "256 bits, base64url");

        String stored = TestDatabase.text("SELECT secret_hash FROM clients WHERE client_id = ?", clientId);
        assertEquals(64, stored.length(), "only the SHA-256 (hex) is stored");
        assertFalse(stored.contains(secret));

        Http.Reply list = http().get("/api/admin/clients").bearer(http().adminToken()).send();
        assertEquals(200, list.status());
        assertFalse(list.body().contains(secret));
        JsonObject listed = list.jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("clientId").equals(clientId)).findFirst().orElseThrow();
        assertFalse(listed.containsKey("clientSecret"));
        assertFalse(listed.containsKey("secretHash"));
        assertEquals(created.getString("createdAt"), listed.getString("createdAt"), "as stored, to the microsecond");
        assertTrue(listed.getBoolean("confidential"));

        assertProblem(http().post("/api/admin/clients").bearer(http().adminToken())
                .json("{\"clientId\":\"" + clientId + "\",\"confidential\":true}").send(), 409, "client_exists");
        assertProblem(http().post("/api/admin/clients").bearer(http().adminToken())
                .json("{\"clientId\":\"bad id\",\"confidential\":true}").send(), 400, "validation_failed");
        assertProblem(http().post("/api/admin/clients").bearer(http().adminToken())
                .json("{\"clientId\":\"" + Http.uniqueName("x") + "\",\"confidential\":true,\"roles\":[\"admin\"]}")
                .send(), 400, "validation_failed");
        assertProblem(http().post("/api/admin/clients").json("{\"clientId\":\"x\"}").send(), 401, "unauthorized");
        String userToken = http().register(Http.uniqueName("plain"), PASSWORD).getString("accessToken");
        assertProblem(http().get("/api/admin/clients").bearer(userToken).send(), 403, "forbidden");
    }

    /**
     * A username and a client id are both the upn and preferred_username of access tokens, so one never takes the
     * other's name, in any case: a self-registered user could otherwise pass for a service (the probe did).
     */
    @Test
    void aUsernameIsNeverAClientIdNorTheOtherWayRound() {
        String service = Http.uniqueName("Orders-Service");
        registerClient(service, true, "service");
        assertProblem(http().post("/api/auth/register").json(Json.createObjectBuilder()
                .add("username", service.toLowerCase(java.util.Locale.ROOT)).add("email", service + "@example.com")
                .add("password", PASSWORD).build().toString()).send(), 409, "username_taken");
        assertProblem(http().post("/api/admin/users").bearer(http().adminToken()).json(Json.createObjectBuilder()
                .add("username", service).add("email", service + "@example.org").add("password", PASSWORD).build()
                .toString()).send(), 409, "username_taken");

        String person = Http.uniqueName("carol");
        http().register(person, PASSWORD);
        assertProblem(http().post("/api/admin/clients").bearer(http().adminToken())
                .json("{\"clientId\":\"" + person.toUpperCase(java.util.Locale.ROOT) + "\",\"confidential\":true}")
                .send(), 409, "client_exists");
    }

    /**
     * An account's registration checks the name, then hashes the password for tens of milliseconds, then inserts; a
     * client registered meanwhile used to pass its own check of the users table too, and both got the name (so a
     * person's tokens and a service's named one principal). Each round sends the client's registration a little later
     * than the account's (a client registers in a few milliseconds and would otherwise commit before the account's
     * check), so that some land inside the hash; one of the two must win every round.
     */
    @Test
    void anAccountAndAClientRegisteredInTheSameInstantNeverShareAName() throws Exception {
        String adminToken = http().adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> names = new ArrayList<>();
        List<Http.Reply[]> replies = new ArrayList<>();
        try {
            long[] clientDelaysMillis = {0, 10, 25, 50, 100};
            for (int round = 0; round < clientDelaysMillis.length; round++) {
                long clientDelay = clientDelaysMillis[round];
                String name = Http.uniqueName("same-instant");
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Http.Reply> account = pool.submit(() -> {
                    Http.Request request = http().post("/api/auth/register").json(Json.createObjectBuilder()
                            .add("username", name).add("email", name + "@example.com").add("password", PASSWORD)
                            .build().toString());
                    together.await();
                    return request.send();
                });
                Future<Http.Reply> client = pool.submit(() -> {
                    Http.Request request = http().post("/api/admin/clients").bearer(adminToken).json(
                            "{\"clientId\":\"" + name.toUpperCase(java.util.Locale.ROOT) + "\",\"confidential\":true}");
                    together.await();
                    Thread.sleep(clientDelay);
                    return request.send();
                });
                names.add(name);
                replies.add(new Http.Reply[] {account.get(60, TimeUnit.SECONDS), client.get(60, TimeUnit.SECONDS)});
            }
            for (int i = 0; i < replies.size(); i++) {
                Http.Reply accountReply = replies.get(i)[0];
                Http.Reply clientReply = replies.get(i)[1];
                String what = "round " + i + ": account " + accountReply.status() + " " + accountReply.body()
                        + ", client " + clientReply.status() + " " + clientReply.body();
                assertTrue(accountReply.status() == 201 ^ clientReply.status() == 201, what);
                assertProblem(accountReply.status() == 201 ? clientReply : accountReply, 409,
                        accountReply.status() == 201 ? "client_exists" : "username_taken");
            }
            for (int i = 0; i < replies.size(); i++) {
                assertEquals(replies.get(i)[0].status() == 201 ? "USER" : "CLIENTS", TestDatabase.text(
                        "SELECT holder FROM principal_names WHERE name = ?", names.get(i)), "round " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A deleted client's access tokens stay valid until they expire wherever the JWKS alone verifies them, and name the
     * client as their upn: no account may take that name afterwards, only a client again.
     */
    @Test
    void aDeletedClientsNameNeverNamesAnAccount() {
        String name = Http.uniqueName("deleted");
        String secret = registerClient(name, true, "service").getString("clientSecret");
        String token = tokenWithBasic(name, secret, form("grant_type", "client_credentials")).json()
                .getString("access_token");
        assertEquals(204, http().delete("/api/admin/clients/" + name).bearer(http().adminToken()).send().status());

        assertProblem(http().post("/api/auth/register").json(Json.createObjectBuilder().add("username", name)
                .add("email", name + "@example.com").add("password", PASSWORD).build().toString()).send(), 409,
                "username_taken");
        assertEquals("CLIENTS", TestDatabase.text("SELECT holder FROM principal_names WHERE name = ?", name));
        assertEquals(name, claimsOf(token).getString("upn"), "the deleted client's token names it");

        registerClient(name.toUpperCase(java.util.Locale.ROOT), true, "service");
        assertEquals(204, http().delete("/api/admin/clients/" + name.toUpperCase(java.util.Locale.ROOT))
                .bearer(http().adminToken()).send().status());
        registerClient(name, true, "service");
    }

    /**
     * Data from before names were reserved can hold an account and a client of one name; the V10 migration leaves the
     * name to the account. The client is then displaced: with its right secret it gets no token (which would name it
     * as the account) and calls neither introspection nor revocation, and the refusal tells the operator why.
     */
    @Test
    void aClientWhoseNameAnAccountHoldsIsRefusedWithItsRightSecret() {
        String name = Http.uniqueName("legacy");
        String secret = registerClient(name, true, "service").getString("clientSecret");
        assertTokenResponse(tokenWithBasic(name, secret, form("grant_type", "client_credentials")), false);
        // what V10 leaves where an account of that name existed before the table
        assertEquals(1, TestDatabase.update("UPDATE principal_names SET holder = 'USER' WHERE name = ?", name));

        assertOAuthError(tokenWithBasic(name, secret, form("grant_type", "client_credentials")), 401,
                "invalid_client");
        assertOAuthError(http().post("/api/oauth2/introspect").header("Authorization", basic(name, secret))
                .body(FORM, form("token", "anything")).send(), 401, "invalid_client");
        assertOAuthError(http().post("/api/oauth2/revoke").header("Authorization", basic(name, secret))
                .body(FORM, form("token", "anything")).send(), 401, "invalid_client");
        assertTrue(ServerLog.awaiting("name_held_by_account client_id=" + name).contains(
                "event=client_authentication_failed outcome=name_held_by_account client_id=" + name));
    }

    @Test
    void aNewSecretInvalidatesTheOldOne() {
        String clientId = Http.uniqueName("rotating");
        String oldSecret = registerClient(clientId, true, "service").getString("clientSecret");
        assertTokenResponse(tokenWithBasic(clientId, oldSecret, form("grant_type", "client_credentials")), false);

        Http.Reply rotated = http().post("/api/admin/clients/" + clientId + "/secret").bearer(http().adminToken())
                .send();
        assertEquals(201, rotated.status(), rotated.body());
        assertEquals(clientId, rotated.json().getString("clientId"));
        String newSecret = rotated.json().getString("clientSecret");
        assertNotEquals(oldSecret, newSecret);

        assertOAuthError(tokenWithBasic(clientId, oldSecret, form("grant_type", "client_credentials")), 401,
                "invalid_client");
        assertTokenResponse(tokenWithBasic(clientId, newSecret, form("grant_type", "client_credentials")), false);
        // the refused old secret is logged after the rotation: awaiting it means both are in
        String log = ServerLog.awaiting(
                "event=client_authentication_failed outcome=wrong_secret client_id=" + clientId);
        assertTrue(log.contains("event=client_secret_rotated outcome=rotated client_id=" + clientId));
        assertFalse(log.contains(oldSecret) || log.contains(newSecret), "a secret in the server log");
        assertProblem(http().post("/api/admin/clients/" + Http.uniqueName("nobody") + "/secret")
                .bearer(http().adminToken()).send(), 404, "client_not_found");
    }

    @Test
    void deletingAClientRevokesItsSessionsOnly() {
        String clientId = Http.uniqueName("native-app");
        registerClient(clientId, false);
        String name = Http.uniqueName("deleted-client");
        JsonObject firstParty = http().register(name, PASSWORD);
        String clientSession = openClientSession(clientId, name);

        assertEquals(204, http().delete("/api/admin/clients/" + clientId).bearer(http().adminToken()).send().status());
        assertEquals("CLIENT_DELETED", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                clientSession));
        assertNull(TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                firstParty.getString("sessionId")), "a session without that client stays");
        assertProblem(http().delete("/api/admin/clients/" + clientId).bearer(http().adminToken()).send(), 404,
                "client_not_found");
    }

    /** A session opened through the password grant by a public client: it remembers the client id. */
    private JsonObject passwordGrant(String clientId, String username) {
        return assertTokenResponse(token(form("grant_type", "password", "username", username, "password", PASSWORD,
                "client_id", clientId)), true);
    }

    private String openClientSession(String clientId, String username) {
        String sid = claimsOf(passwordGrant(clientId, username).getString("access_token")).getString("sid");
        assertEquals(clientId, TestDatabase.text("SELECT client_id FROM sessions WHERE id = ?", sid));
        return sid;
    }

    // ---- the token endpoint -------------------------------------------------------------------------------

    @Test
    void refreshGrantRotatesLikeTheFirstPartyEndpointWithGraceAndReuse() {
        String name = Http.uniqueName("oauth-refresh");
        JsonObject registered = http().register(name, PASSWORD); // a first-party session: any public client may
        String first = registered.getString("refreshToken");
        String sessionId = registered.getString("sessionId");

        JsonObject rotated = assertTokenResponse(token(form("grant_type", "refresh_token", "refresh_token", first,
                "client_id", "some-spa", "unknown_parameter", "ignored")), true);
        String second = rotated.getString("refresh_token");
        assertNotEquals(first, second);
        JsonObject claims = claimsOf(rotated.getString("access_token"));
        assertEquals(sessionId, claims.getString("sid"));
        assertEquals(registered.getJsonObject("user").getString("id"), claims.getString("sub"));

        // a retry of the same token inside the grace window gets the identical successor
        JsonObject retry = assertTokenResponse(token(form("grant_type", "refresh_token", "refresh_token", first,
                "client_id", "some-spa")), true);
        assertEquals(second, retry.getString("refresh_token"));

        // the successor moves on; the first token is now an ancestor: reuse revokes the family
        String third = assertTokenResponse(token(form("grant_type", "refresh_token", "refresh_token", second,
                "client_id", "some-spa")), true).getString("refresh_token");
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token", first, "client_id", "some-spa")),
                400, "invalid_grant");
        assertEquals("REUSE", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?", sessionId));
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token", third, "client_id", "some-spa")),
                400, "invalid_grant");
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token", "x".repeat(43),
                "client_id", "some-spa")), 400, "invalid_grant");
    }

    @Test
    void aSessionOpenedByAClientIsRefreshedOnlyByThatClient() {
        String name = Http.uniqueName("bound");
        http().register(name, PASSWORD);
        JsonObject opened = passwordGrant("mobile-app", name);
        String refresh = opened.getString("refresh_token");
        String sid = claimsOf(opened.getString("access_token")).getString("sid");
        assertEquals("mobile-app", TestDatabase.text("SELECT client_id FROM sessions WHERE id = ?", sid));

        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token", refresh, "client_id",
                "other-app")), 400, "invalid_grant");
        assertProblem(http().post("/api/auth/refresh").bodyMode()
                .json("{\"refreshToken\":\"" + refresh + "\"}").send(), 401, "refresh_token_invalid");
        assertNull(TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?", sid),
                "a wrong client changes nothing");
        assertTokenResponse(token(form("grant_type", "refresh_token", "refresh_token", refresh, "client_id",
                "mobile-app")), true);

        // a confidential client may not refresh a first-party session
        String serviceId = Http.uniqueName("svc");
        String secret = registerClient(serviceId, true, "service").getString("clientSecret");
        String firstParty = http().login(name, PASSWORD).getString("refreshToken");
        assertOAuthError(tokenWithBasic(serviceId, secret, form("grant_type", "refresh_token", "refresh_token",
                firstParty)), 400, "invalid_grant");
    }

    @Test
    void clientCredentialsGivesAClientTokenWithoutRefreshTokenOrSession() {
        String clientId = Http.uniqueName("reports");
        String secret = registerClient(clientId, true, "service", "reports:read").getString("clientSecret");

        JsonObject basic = assertTokenResponse(tokenWithBasic(clientId, secret, form("grant_type",
                "client_credentials")), false);
        JsonObject claims = claimsOf(basic.getString("access_token"));
        assertEquals(clientId, claims.getString("sub"));
        assertEquals(clientId, claims.getString("client_id"));
        assertEquals(Json.createArrayBuilder().add("reports:read").add("service").build(),
                Json.createArrayBuilder(claims.getJsonArray("groups").stream().map(v -> ((jakarta.json.JsonString) v)
                        .getString()).sorted().toList()).build());
        assertFalse(claims.containsKey("sid"));
        assertFalse(basic.containsKey("scope"), "none asked, none answered");
        // a requested scope is not granted, and the answer says so (RFC 6749 §5.1), so the client does not assume it
        JsonObject scoped = assertTokenResponse(tokenWithBasic(clientId, secret, form("grant_type",
                "client_credentials", "scope", "admin")), false);
        assertEquals("", scoped.getString("scope"));
        assertFalse(claimsOf(scoped.getString("access_token")).containsKey("scope"));

        assertTokenResponse(token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                secret)), false);
        // Keyturn's own endpoints take the token as a caller without Keyturn's roles
        assertProblem(http().get("/api/me").bearer(basic.getString("access_token")).send(), 403, "forbidden");

        assertOAuthError(token(form("grant_type", "client_credentials", "client_id", "a-public-app")), 400,
                "unauthorized_client");
        assertOAuthError(token(form("grant_type", "client_credentials", "client_id", clientId)), 401,
                "invalid_client");
        assertOAuthError(token(form("grant_type", "client_credentials", "client_id", clientId, "client_secret",
                "wrong")), 401, "invalid_client");
        assertOAuthError(tokenWithBasic("nobody-" + clientId, secret, form("grant_type", "client_credentials")), 401,
                "invalid_client");
        assertOAuthError(http().post("/api/oauth2/token").header("Authorization", "Basic !!!")
                .body(FORM, form("grant_type", "client_credentials")).send(), 401, "invalid_client");
    }

    @Test
    void badRequestsGetOAuthErrorsNeverA5xx() {
        assertOAuthError(token(form("client_id", "app")), 400, "invalid_request");
        assertOAuthError(token(form("grant_type", "authorization_code", "client_id", "app")), 400,
                "unsupported_grant_type");
        assertOAuthError(token(form("grant_type", "refresh_token", "client_id", "app")), 400, "invalid_request");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=a&refresh_token=b&client_id=app"), 400,
                "invalid_request");
        assertOAuthError(token("grant_type=refresh_token&refresh_token=%zz&client_id=app"), 400, "invalid_request");
        assertOAuthError(http().post("/api/oauth2/token").json("{\"grant_type\":\"client_credentials\"}").send(),
                400, "invalid_request");
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token", "abc")), 401, "invalid_client");
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token", "abc", "client_id", "bad id")),
                401, "invalid_client");
        String name = Http.uniqueName("pw");
        http().register(name, PASSWORD);
        assertOAuthError(token(form("grant_type", "password", "username", name, "password", "wrong password",
                "client_id", "app")), 400, "invalid_grant");
        assertOAuthError(token(form("grant_type", "password", "username", name, "client_id", "app")), 400,
                "invalid_request");
    }

    /**
     * Failed client authentications count against the address and block it; the client's holder, calling from
     * elsewhere, is not locked out by someone who only knows the id (it was, after 5 failures).
     */
    @Test
    void failedClientAuthenticationsBlockTheAddressNotTheClient() {
        String clientId = Http.uniqueName("guessed");
        String secret = registerClient(clientId, true, "service").getString("clientSecret");
        Http attacker = http();
        Http.Reply last = untilThrottled(i -> attacker.post("/api/oauth2/token")
                .header("Authorization", basic(clientId, "guess-" + i))
                .body(FORM, form("grant_type", "client_credentials")).send());
        assertOAuthError(last, 429, "too_many_attempts");
        assertNotNull(last.header("Retry-After"));
        assertOAuthError(attacker.post("/api/oauth2/token").header("Authorization", basic(clientId, secret))
                .body(FORM, form("grant_type", "client_credentials")).send(), 429, "too_many_attempts");
        assertEquals(200, tokenWithBasic(clientId, secret, form("grant_type", "client_credentials")).status());
    }

    /**
     * An attack probe's finding: client authentication shared the address's counter with failed logins, so 20
     * mistyped passwords from behind one address locked every confidential client there out for 5 minutes.
     */
    @Test
    void failedLoginsFromAnAddressDoNotBlockAClientAuthenticatingFromIt() {
        String clientId = Http.uniqueName("neighbour");
        String secret = registerClient(clientId, true, "service").getString("clientSecret");
        Http shared = http();
        assertProblem(untilThrottled(i -> shared.post("/api/auth/login").json(Json.createObjectBuilder()
                .add("username", Http.uniqueName("typo")).add("password", "wrong password").build().toString())
                .send()), 429, "too_many_attempts");
        assertEquals(200, shared.post("/api/oauth2/token").header("Authorization", basic(clientId, secret))
                .body(FORM, form("grant_type", "client_credentials")).send().status());
        assertNotNull(TestDatabase.text("SELECT subject FROM throttle_counters WHERE subject = ?",
                "oauth-client:" + shared.clientAddress()));
    }

    /** Re-probe finding: an id naming no client was logged as typed; with id and secret swapped, that was the secret. */
    @Test
    void aSecretTypedAsTheClientIdIsNotLogged() {
        String clientId = Http.uniqueName("swapped");
        String secret = registerClient(clientId, true, "service").getString("clientSecret");
        assertOAuthError(tokenWithBasic(secret, clientId, form("grant_type", "client_credentials")), 401,
                "invalid_client");
        String log = ServerLog.awaiting(http().failLogin());
        assertFalse(log.contains(secret), "the secret is in the server log");
        assertTrue(log.contains("event=client_authentication_failed outcome=unknown_client user=-"));
    }

    /** Sends the i-th request until one is throttled, at most 30; returns the last answer. */
    private static Http.Reply untilThrottled(IntFunction<Http.Reply> request) {
        Http.Reply last = null;
        for (int i = 0; i < 30 && (last == null || last.status() != 429); i++) {
            last = request.apply(i);
        }
        return last;
    }

    @Test
    void aDisabledAccountsRefreshTokenIsAnInvalidGrant() {
        String name = Http.uniqueName("oauth-disabled");
        JsonObject registered = http().register(name, PASSWORD);
        setEnabled(registered.getJsonObject("user").getString("id"), false);
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token",
                registered.getString("refreshToken"), "client_id", "app")), 400, "invalid_grant");
    }

    // ---- revocation (RFC 7009) -----------------------------------------------------------------------------

    private Http.Reply revoke(String body) {
        return http().post("/api/oauth2/revoke").body(FORM, body).send();
    }

    @Test
    void revokingARefreshTokenOrAnAccessTokenEndsItsSession() {
        String name = Http.uniqueName("revoke");
        JsonObject byRefresh = http().register(name, PASSWORD);
        assertEquals(200, revoke(form("token", byRefresh.getString("refreshToken"), "token_type_hint",
                "refresh_token", "client_id", "app")).status());
        assertEquals("TOKEN_REVOKED", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                byRefresh.getString("sessionId")));
        assertOAuthError(token(form("grant_type", "refresh_token", "refresh_token",
                byRefresh.getString("refreshToken"), "client_id", "app")), 400, "invalid_grant");

        JsonObject byAccess = http().login(name, PASSWORD);
        assertEquals(200, revoke(form("token", byAccess.getString("accessToken"), "client_id", "app")).status());
        assertEquals("TOKEN_REVOKED", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?",
                byAccess.getString("sessionId")));

        // unknown, malformed and already revoked tokens: 200 all the same
        assertEquals(200, revoke(form("token", "x".repeat(43), "client_id", "app")).status());
        assertEquals(200, revoke(form("token", "not.a.jwt", "client_id", "app")).status());
        assertEquals(200, revoke(form("token", byAccess.getString("accessToken"), "client_id", "app")).status());
        // the answer has no body, so a client that accepts only text is served too (it was 406)
        assertEquals(200, http().post("/api/oauth2/revoke").header("Accept", "text/plain")
                .body(FORM, form("token", "x".repeat(43), "client_id", "app")).send().status());
        assertOAuthError(revoke(form("client_id", "app")), 400, "invalid_request");
        assertOAuthError(revoke(form("token", "abc")), 401, "invalid_client");
    }

    @Test
    void aClientCannotRevokeAnotherClientsSessionAndConfidentialClientsAuthenticate() {
        String name = Http.uniqueName("revoke-bound");
        http().register(name, PASSWORD);
        JsonObject opened = passwordGrant("owner-app", name);
        String sid = claimsOf(opened.getString("access_token")).getString("sid");
        assertEquals(200, revoke(form("token", opened.getString("refresh_token"), "client_id", "other-app")).status());
        assertNull(TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?", sid));

        String serviceId = Http.uniqueName("revoker");
        String secret = registerClient(serviceId, true, "service").getString("clientSecret");
        assertOAuthError(revoke(form("token", opened.getString("refresh_token"), "client_id", serviceId)), 401,
                "invalid_client");
        assertEquals(200, http().post("/api/oauth2/revoke").header("Authorization", basic(serviceId, secret))
                .body(FORM, form("token", opened.getString("refresh_token"))).send().status());
        assertNull(TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?", sid), "not its session");

        assertEquals(200, revoke(form("token", opened.getString("refresh_token"), "client_id", "owner-app")).status());
        assertEquals("TOKEN_REVOKED", TestDatabase.text("SELECT revoke_reason FROM sessions WHERE id = ?", sid));
    }

    // ---- introspection (RFC 7662) -------------------------------------------------------------------------

    private String resourceServer;
    private String resourceServerSecret;

    private Http.Reply introspect(String token) {
        if (resourceServer == null) {
            resourceServer = Http.uniqueName("resource-server");
            resourceServerSecret = registerClient(resourceServer, true, "introspection").getString("clientSecret");
        }
        Http.Reply reply = http().post("/api/oauth2/introspect")
                .header("Authorization", basic(resourceServer, resourceServerSecret)).body(FORM, form("token", token))
                .send();
        assertEquals(200, reply.status(), reply.body());
        assertEquals("no-store", reply.header("Cache-Control"));
        return reply;
    }

    private void assertInactive(String token, String why) {
        Http.Reply reply = introspect(token);
        assertEquals(Json.createObjectBuilder().add("active", false).build(), reply.json(), why);
    }

    @Test
    void introspectionDescribesActiveTokensAndSeesALogoutAtOnce() {
        String name = Http.uniqueName("introspected");
        JsonObject tokens = http().register(name, PASSWORD);
        String userId = tokens.getJsonObject("user").getString("id");

        JsonObject access = introspect(tokens.getString("accessToken")).json();
        assertTrue(access.getBoolean("active"));
        assertEquals("access_token", access.getString("token_type"));
        assertEquals(userId, access.getString("sub"));
        assertEquals(name, access.getString("username"));
        assertEquals(tokens.getString("sessionId"), access.getString("sid"));
        assertEquals("keyturn", access.getString("aud"));
        assertFalse(access.getString("iss").isBlank());
        assertTrue(access.getJsonNumber("exp").longValue() > access.getJsonNumber("iat").longValue());
        assertEquals(Json.createArrayBuilder().add("user").build(), access.getJsonArray("groups"));
        assertFalse(access.containsKey("client_id"), "a first-party session has no client");

        JsonObject refresh = introspect(tokens.getString("refreshToken")).json();
        assertTrue(refresh.getBoolean("active"));
        assertEquals("refresh_token", refresh.getString("token_type"));
        assertEquals(tokens.getString("sessionId"), refresh.getString("sid"));

        JsonObject viaClient = passwordGrant("introspected-app", name);
        assertEquals("introspected-app", introspect(viaClient.getString("access_token")).json().getString("client_id"));

        assertEquals(204, http().post("/api/auth/logout").bodyMode()
                .json("{\"refreshToken\":\"" + tokens.getString("refreshToken") + "\"}").send().status());
        assertInactive(tokens.getString("accessToken"), "its session was logged out");
        assertInactive(tokens.getString("refreshToken"), "its session was logged out");
        assertInactive("x".repeat(43), "unknown");
        assertInactive("a.b.c", "not a token");
    }

    /**
     * A probe's finding: the validator's 30 s of clock skew past {@code exp}, meant for other servers' clocks, made a
     * token that had expired on Keyturn's own clock "active" for introspection. The token is the genuine one signed
     * again with the server's key and other times.
     */
    @Test
    void anAccessTokenPastItsExpiryIsInactiveAtOnce() throws Exception {
        String genuine = http().register(Http.uniqueName("introspect-expired"), PASSWORD).getString("accessToken");
        long now = System.currentTimeMillis() / 1000;
        assertTrue(introspect(resigned(genuine, now - 60, now + 60)).json().getBoolean("active"),
                "signed again with other times, the token is accepted");
        assertInactive(resigned(genuine, now - 60, now - 5), "5 s past its exp");
    }

    private static String resigned(String token, long issuedAt, long expires) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JwtClaims claims = JwtClaims.parse(payload);
        claims.setJwtId("resigned-" + System.nanoTime());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(expires));
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        String kid;
        try (var reader = Json.createReader(new java.io.StringReader(header))) {
            kid = reader.readObject().getString("kid");
        }
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(
                TestDatabase.text("SELECT jwk FROM signing_keys WHERE kid = ?", kid));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setKey(key.getPrivateKey());
        return jws.getCompactSerialization();
    }

    @Test
    void introspectionSeesADisabledAccountAndAPasswordChangeAtOnce() {
        String name = Http.uniqueName("introspect-disable");
        JsonObject tokens = http().register(name, PASSWORD);
        assertTrue(introspect(tokens.getString("accessToken")).json().getBoolean("active"));
        setEnabled(tokens.getJsonObject("user").getString("id"), false);
        assertInactive(tokens.getString("accessToken"), "disabled");
        assertInactive(tokens.getString("refreshToken"), "disabled");

        String other = Http.uniqueName("introspect-password");
        JsonObject first = http().register(other, PASSWORD);
        JsonObject second = http().login(other, PASSWORD);
        assertTrue(introspect(second.getString("accessToken")).json().getBoolean("active"));
        assertEquals(204, http().post("/api/auth/password").bearer(first.getString("accessToken"))
                .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another passphrase 99\"}")
                .send().status());
        assertInactive(second.getString("accessToken"), "the password change revoked the other session");
        assertInactive(second.getString("refreshToken"), "the password change revoked the other session");
    }

    @Test
    void introspectionIsForConfidentialClientsAndKnowsClientTokens() throws InterruptedException {
        String clientId = Http.uniqueName("batch");
        String secret = registerClient(clientId, true, "service").getString("clientSecret");
        String clientToken = tokenWithBasic(clientId, secret, form("grant_type", "client_credentials")).json()
                .getString("access_token");
        JsonObject described = introspect(clientToken).json();
        assertTrue(described.getBoolean("active"));
        assertEquals(clientId, described.getString("sub"));
        assertEquals(clientId, described.getString("client_id"));
        assertFalse(described.containsKey("sid"));

        assertOAuthError(http().post("/api/oauth2/introspect").body(FORM, form("token", clientToken, "client_id",
                "a-public-app")).send(), 401, "invalid_client");
        assertOAuthError(http().post("/api/oauth2/introspect").body(FORM, form("token", clientToken)).send(), 401,
                "invalid_client");
        assertOAuthError(http().post("/api/oauth2/introspect").header("Authorization", basic(clientId, "wrong"))
                .body(FORM, form("token", clientToken)).send(), 401, "invalid_client");

        assertEquals(204, http().delete("/api/admin/clients/" + clientId).bearer(http().adminToken()).send()
                .status());
        assertInactive(clientToken, "its client was deleted");
        Thread.sleep(1_100); // the token's iat counts whole seconds: the new client is created in a later one
        registerClient(clientId, true, "other");
        assertInactive(clientToken, "issued to the deleted client, not to the new one registered under its id");
    }

    private void setEnabled(String userId, boolean enabled) {
        assertEquals(204, http().put("/api/admin/users/" + userId + "/enabled").bearer(http().adminToken())
                .json("{\"enabled\": " + enabled + "}").send().status());
    }
}
