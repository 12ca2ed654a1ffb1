package io.keyturn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document says what Keyturn does: it is a valid OpenAPI 3 document (swagger-parser, which
 * openapi-generator also reads it with, reports nothing), and Atlassian's validator accepts real exchanges of every
 * operation against it: the request as a client sends it, and the answer's status, headers and body. A field the
 * document leaves out, a status it does not list, a wrong type or a constraint the answer breaks fails the test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {

    private static final String PASSWORD = "document passphrase 7q2w";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private String document;
    private JsonObject root;
    /** The document's paths, read once: each exchange is matched to its path template. */
    private JsonObject paths;
    private OpenApiInteractionValidator validator;
    private final Set<String> exchanged = new TreeSet<>();

    @BeforeEach
    void readTheDocument() {
        Http.Reply reply = http().atServerRoot("GET", "/openapi").header("Accept", "application/json").send();
        assertEquals(200, reply.status(), reply::toString);
        document = withoutWildFlysEmptyObjects(reply.json());
        root = Json.createReader(new java.io.StringReader(document)).readObject();
        paths = root.getJsonObject("paths");
        // request bodies may carry fields the document does not name (the contract: unknown JSON fields are ignored);
        // answers may not
        // withResolveCombinators: one schema from an allOf (NewUserRequest extends RegistrationRequest), else each
        // part alone refuses the other's fields
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private Http http() {
        return new Http(base);
    }

    /**
     * A probe's findings: the OAuth operations named no client authentication, so a generated client sent no Basic
     * credentials; and NewUserRequest seemed to require nothing (it does, through RegistrationRequest).
     */
    @Test
    void theOAuthOperationsTakeBasicClientAuthenticationAndANewUserNamesItsRequiredFields() {
        JsonArray basicOrNone = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("client", Json.createArrayBuilder()))
                .add(Json.createObjectBuilder()).build();
        for (String path : List.of("/api/oauth2/token", "/api/oauth2/revoke", "/api/oauth2/introspect")) {
            assertEquals(basicOrNone, paths.getJsonObject(path).getJsonObject("post").getJsonArray("security"), path);
        }
        JsonObject components = root.getJsonObject("components");
        assertEquals("basic", components.getJsonObject("securitySchemes").getJsonObject("client").getString("scheme"));
        // Payara requires them through an allOf of RegistrationRequest (naming them in NewUserRequest too makes the
        // merged schema list them twice), WildFly in NewUserRequest itself
        JsonObject newUser = components.getJsonObject("schemas").getJsonObject("NewUserRequest");
        Set<String> required = new TreeSet<>(requiredOf(newUser));
        (newUser.getJsonArray("allOf") == null ? List.<JsonObject>of()
                : newUser.getJsonArray("allOf").getValuesAs(JsonObject.class))
                .forEach(part -> required.addAll(requiredOf(resolved(part))));
        assertEquals(Set.of("email", "password", "username"), required);
    }

    private static List<String> requiredOf(JsonObject schema) {
        return schema.containsKey("required") ? schema.getJsonArray("required").getValuesAs(JsonString::getString)
                : List.of();
    }

    @Test
    void theDocumentIsValidOpenApi() {
        List<String> messages = new OpenAPIV3Parser().readContents(document).getMessages();
        assertTrue(messages.isEmpty(), () -> "swagger-parser: " + messages);
    }

    @Test
    void firstPartyAnswersMatchTheDocument() {
        Http http = http();
        String name = Http.uniqueName("doc");
        String registration = Json.createObjectBuilder().add("username", name).add("email", name + "@example.com")
                .add("password", PASSWORD).build().toString();
        JsonObject registered = conforms(http.post("/api/auth/register").bodyMode().json(registration).send(),
                registration, 201).json();
        conforms(http.post("/api/auth/register").bodyMode().json(registration).send(), registration, 409);
        String invalid = "{\"username\":\"x\",\"email\":\"not an address\",\"password\":\"short\"}";
        conforms(http.post("/api/auth/register").json(invalid).send(), invalid, 400);

        String login = credentials(name, PASSWORD);
        JsonObject loggedIn = conforms(http.post("/api/auth/login").bodyMode().json(login).send(), login, 200).json();
        String wrong = credentials(name, "not the password 1");
        conforms(http.post("/api/auth/login").json(wrong).send(), wrong, 401);
        conforms(http.post("/api/auth/login").body("text/plain", login).send(), login, 415);
        String huge = credentials(name, "x".repeat(20_000));
        conforms(http.post("/api/auth/login").json(huge).send(), huge, 413);

        String token = loggedIn.getString("accessToken");
        conforms(http.get("/api/me").bearer(token).send(), null, 200);
        conforms(http.get("/api/me").send(), null, 401);
        conforms(http.get("/api/auth/sessions").bearer(token).send(), null, 200);
        conforms(http.delete("/api/auth/sessions/no-such-session").bearer(token).send(), null, 404);
        conforms(http.delete("/api/auth/sessions/" + registered.getString("sessionId")).bearer(token).send(), null,
                204);

        String refresh = refreshBody(loggedIn.getString("refreshToken"));
        JsonObject rotated = conforms(http.post("/api/auth/refresh").bodyMode().json(refresh).send(), refresh, 200)
                .json();
        conforms(http.post("/api/auth/refresh").bodyMode().json(refresh).send(), refresh, 200); // grace window
        String unknown = refreshBody("A".repeat(43));
        conforms(http.post("/api/auth/refresh").bodyMode().json(unknown).send(), unknown, 401);
        conforms(http.post("/api/auth/refresh").send(), null, 403); // cookie mode without X-Requested-With

        String change = Json.createObjectBuilder().add("currentPassword", "not the password 2")
                .add("newPassword", PASSWORD + " new").build().toString();
        conforms(http.post("/api/auth/password").bearer(rotated.getString("accessToken")).json(change).send(),
                change, 401);
        change = Json.createObjectBuilder().add("currentPassword", PASSWORD).add("newPassword", PASSWORD + " new")
                .build().toString();
        conforms(http.post("/api/auth/password").bearer(rotated.getString("accessToken")).json(change).send(),
                change, 204);

        String logout = refreshBody(rotated.getString("refreshToken"));
        conforms(http.post("/api/auth/logout").bodyMode().json(logout).send(), logout, 204);
        conforms(http.post("/api/auth/logout").bodyMode().json("{").send(), "{", 400);
        conforms(http.post("/api/auth/logout-all").bearer(rotated.getString("accessToken")).send(), null, 204);
        conforms(http.post("/api/auth/logout-all").send(), null, 401);
    }

    @Test
    void administratorAnswersMatchTheDocument() {
        Http http = http();
        String admin = http.adminToken();
        String name = Http.uniqueName("doc-admin");
        String newUser = Json.createObjectBuilder().add("username", name).add("email", name + "@example.com")
                .add("password", PASSWORD).add("roles", Json.createArrayBuilder().add("user")).build().toString();
        String id = conforms(http.post("/api/admin/users").bearer(admin).json(newUser).send(), newUser, 201).json()
                .getString("id");
        conforms(http.get("/api/admin/users?offset=0&limit=5").bearer(admin).send(), null, 200);
        conforms(http.get("/api/admin/users?limit=0").bearer(admin).send(), null, 400);
        conforms(http.get("/api/admin/users/" + id).bearer(admin).send(), null, 200);
        conforms(http.get("/api/admin/users/no-such-user").bearer(admin).send(), null, 404);

        JsonObject user = http.login(name, PASSWORD);
        conforms(http.get("/api/admin/users").bearer(user.getString("accessToken")).send(), null, 403);
        conforms(http.get("/api/admin/users/" + id + "/sessions").bearer(admin).send(), null, 200);
        conforms(http.delete("/api/admin/sessions/" + user.getString("sessionId")).bearer(admin).send(), null, 204);
        conforms(http.delete("/api/admin/users/" + id + "/sessions").bearer(admin).send(), null, 204);
        conforms(http.delete("/api/admin/users/" + id + "/login-block").bearer(admin).send(), null, 204);
        conforms(http.delete("/api/admin/users/no-such-user/login-block").bearer(admin).send(), null, 404);
        String disable = "{\"enabled\":false}";
        conforms(http.put("/api/admin/users/" + id + "/enabled").bearer(admin).json(disable).send(), disable, 204);

        String clientId = Http.uniqueName("doc-client");
        String client = Json.createObjectBuilder().add("clientId", clientId).add("confidential", true)
                .add("roles", Json.createArrayBuilder().add("service")).build().toString();
        conforms(http.post("/api/admin/clients").bearer(admin).json(client).send(), client, 201);
        conforms(http.post("/api/admin/clients").bearer(admin).json(client).send(), client, 409);
        conforms(http.get("/api/admin/clients").bearer(admin).send(), null, 200);
        conforms(http.post("/api/admin/clients/" + clientId + "/secret").bearer(admin).send(), null, 201);
        conforms(http.delete("/api/admin/clients/" + clientId).bearer(admin).send(), null, 204);
        conforms(http.delete("/api/admin/clients/" + clientId).bearer(admin).send(), null, 404);
    }

    @Test
    void oauthAnswersMatchTheDocument() {
        Http http = http();
        String admin = http.adminToken();
        String clientId = Http.uniqueName("doc-service");
        String client = Json.createObjectBuilder().add("clientId", clientId).add("confidential", true)
                .add("roles", Json.createArrayBuilder().add("service")).build().toString();
        String secret = http.post("/api/admin/clients").bearer(admin).json(client).send().json()
                .getString("clientSecret");
        String basic = "Basic " + Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret))
                .getBytes(StandardCharsets.UTF_8));

        String grant = "grant_type=client_credentials&scope=reports";
        String accessToken = conforms(formPost(http, "/api/oauth2/token", grant).header("Authorization", basic)
                .send(), grant, 200).json().getString("access_token");
        String unknownClient = "Basic " + Base64.getEncoder().encodeToString((Http.uniqueName("doc-nobody") + ":x")
                .getBytes(StandardCharsets.UTF_8));
        conforms(formPost(http, "/api/oauth2/token", grant).header("Authorization", unknownClient).send(), grant,
                401);
        String unsupported = "grant_type=authorization_code&code=x";
        conforms(formPost(http, "/api/oauth2/token", unsupported).send(), unsupported, 400);

        String name = Http.uniqueName("doc-oauth");
        JsonObject user = http.register(name, PASSWORD);
        String refreshGrant = "grant_type=refresh_token&refresh_token=" + form(user.getString("refreshToken"))
                + "&client_id=doc-public-app";
        String refreshToken = conforms(formPost(http, "/api/oauth2/token", refreshGrant).send(), refreshGrant, 200)
                .json().getString("refresh_token");

        for (String token : List.of(accessToken, refreshToken, "no such token")) {
            String introspect = "token=" + form(token);
            conforms(formPost(http, "/api/oauth2/introspect", introspect).header("Authorization", basic).send(),
                    introspect, 200);
        }
        conforms(formPost(http, "/api/oauth2/introspect", "token=x").send(), "token=x", 401);
        String revoke = "token=" + form(refreshToken) + "&client_id=doc-public-app";
        conforms(formPost(http, "/api/oauth2/revoke", revoke).send(), revoke, 200);
        conforms(formPost(http, "/api/oauth2/revoke", "client_id=doc-public-app").send(), "client_id=doc-public-app",
                400);
    }

    @Test
    void discoveryDocumentsMatchTheDocument() {
        Http http = http();
        conforms(http.get("/.well-known/jwks.json").send(), null, 200);
        conforms(http.get("/.well-known/openid-configuration").send(), null, 200);
        conforms(http.get("/.well-known/oauth-authorization-server").send(), null, 200);
    }

    /** The document's one server is keyturn.issuer, where every other URL Keyturn gives out starts. */
    @Test
    void theDocumentsServerIsTheIssuer() {
        JsonArray servers = root.getJsonArray("servers");
        assertEquals(1, servers.size(), servers::toString);
        assertEquals(Deployments.ISSUER, servers.getJsonObject(0).getString("url"));
    }

    /**
     * The contract's two ways of moving the refresh token are parameters a generated client can set: the header that
     * asks for body mode, the CSRF header and the cookie of cookie mode, and the cookie each answer sets.
     */
    @Test
    void theTokenModesHeadersAndCookieAreInTheDocument() {
        Map<String, List<String>> parameters = Map.of(
                "post /api/auth/login", List.of("header X-Token-Mode"),
                "post /api/auth/register", List.of("header X-Token-Mode"),
                "post /api/auth/refresh", List.of("header X-Token-Mode", "header X-Requested-With",
                        "cookie refresh_token"),
                "post /api/auth/logout", List.of("header X-Token-Mode", "header X-Requested-With",
                        "cookie refresh_token"));
        parameters.forEach((operation, expected) -> {
            String[] methodAndPath = operation.split(" ");
            JsonObject described = paths.getJsonObject(methodAndPath[1]).getJsonObject(methodAndPath[0]);
            List<String> declared = described.getJsonArray("parameters").stream()
                    .map(parameter -> resolved(parameter.asJsonObject()))
                    .map(parameter -> parameter.getString("in") + " " + parameter.getString("name")).toList();
            assertTrue(declared.containsAll(expected), () -> operation + " declares " + declared);
        });
        Map<String, String> setsTheCookie = Map.of("post /api/auth/login", "200", "post /api/auth/register", "201",
                "post /api/auth/refresh", "200", "post /api/auth/logout", "204", "post /api/auth/logout-all", "204");
        setsTheCookie.forEach((operation, status) -> {
            String[] methodAndPath = operation.split(" ");
            JsonObject answer = resolved(paths.getJsonObject(methodAndPath[1]).getJsonObject(methodAndPath[0])
                    .getJsonObject("responses").getJsonObject(status));
            assertTrue(answer.containsKey("headers") && answer.getJsonObject("headers").containsKey("Set-Cookie"),
                    () -> operation + " " + status + ": " + answer);
        });
    }

    /** Every bearer-protected operation's 401 names the challenge Keyturn sends with it (RFC 6750 §3). */
    @Test
    void everyBearerRefusalNamesItsChallenge() {
        List<String> withoutChallenge = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonObject described = operation.asJsonObject();
            if (Set.of("get", "post", "put", "delete", "patch").contains(method) && described.containsKey("security")
                    && !described.getJsonArray("security").isEmpty()) {
                JsonObject refused = resolved(described.getJsonObject("responses").getJsonObject("401"));
                if (!refused.containsKey("headers")
                        || !refused.getJsonObject("headers").containsKey("WWW-Authenticate")) {
                    withoutChallenge.add(method.toUpperCase() + " " + path);
                }
            }
        }));
        assertEquals(List.of(), withoutChallenge);
    }

    /**
     * A client generated from the document asks for the media types the document gives an operation's answers: for
     * one that answers 204 without a body, {@code application/problem+json} alone. Three of them refused that with
     * 406 (a class-level {@code @Produces}), so a generated admin client could not disable a user, revoke a user's
     * sessions or delete a client.
     */
    @Test
    void operationsAnsweringWithoutABodyTakeTheAcceptHeaderOfAGeneratedClient() {
        Http http = http();
        String admin = http.adminToken();
        String managed = Http.uniqueName("doc-managed");
        String newUser = Json.createObjectBuilder().add("username", managed).add("email", managed + "@example.com")
                .add("password", PASSWORD).build().toString();
        String managedId = http.post("/api/admin/users").bearer(admin).json(newUser).send().json().getString("id");
        JsonObject managedLogin = http.login(managed, PASSWORD);
        String clientId = Http.uniqueName("doc-accept");
        http.post("/api/admin/clients").bearer(admin).json("{\"clientId\":\"" + clientId + "\",\"confidential\":true}")
                .send();
        String self = Http.uniqueName("doc-self");
        http.register(self, PASSWORD);
        JsonObject first = http.login(self, PASSWORD);
        JsonObject second = http.login(self, PASSWORD);
        String firstToken = first.getString("accessToken");

        Set<String> noBody = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(method)
                    && operation.asJsonObject().getJsonObject("responses").containsKey("204")) {
                noBody.add(method.toUpperCase() + " " + path);
            }
        }));
        exchanged.clear();
        conforms(asGenerated(http.delete("/api/admin/sessions/" + managedLogin.getString("sessionId")), "delete",
                "/api/admin/sessions/{id}").bearer(admin).send(), null, 204);
        conforms(asGenerated(http.delete("/api/admin/users/" + managedId + "/sessions"), "delete",
                "/api/admin/users/{id}/sessions").bearer(admin).send(), null, 204);
        conforms(asGenerated(http.delete("/api/admin/users/" + managedId + "/login-block"), "delete",
                "/api/admin/users/{id}/login-block").bearer(admin).send(), null, 204);
        String disable = "{\"enabled\":false}";
        conforms(asGenerated(http.put("/api/admin/users/" + managedId + "/enabled"), "put",
                "/api/admin/users/{id}/enabled").bearer(admin).json(disable).send(), disable, 204);
        assertFalse(http.get("/api/admin/users/" + managedId).bearer(admin).send().json().getBoolean("enabled"));
        conforms(asGenerated(http.delete("/api/admin/clients/" + clientId), "delete",
                "/api/admin/clients/{clientId}").bearer(admin).send(), null, 204);
        assertEquals(404, http.delete("/api/admin/clients/" + clientId).bearer(admin).send().status());

        conforms(asGenerated(http.delete("/api/auth/sessions/" + second.getString("sessionId")), "delete",
                "/api/auth/sessions/{id}").bearer(firstToken).send(), null, 204);
        String change = Json.createObjectBuilder().add("currentPassword", PASSWORD)
                .add("newPassword", PASSWORD + " changed").build().toString();
        conforms(asGenerated(http.post("/api/auth/password"), "post", "/api/auth/password").bearer(firstToken)
                .json(change).send(), change, 204);
        String logout = refreshBody(first.getString("refreshToken"));
        conforms(asGenerated(http.post("/api/auth/logout"), "post", "/api/auth/logout").bodyMode().json(logout)
                .send(), logout, 204);
        String again = http.login(self, PASSWORD + " changed").getString("accessToken");
        conforms(asGenerated(http.post("/api/auth/logout-all"), "post", "/api/auth/logout-all").bearer(again).send(),
                null, 204);

        assertEquals(noBody, exchanged, "the operations that answer 204, each sent as a generated client sends it");
    }

    /** Every operation of the document is exchanged by one of the tests above (run together, as CI does). */
    @Test
    void everyOperationIsExchangedHere() {
        firstPartyAnswersMatchTheDocument();
        administratorAnswersMatchTheDocument();
        oauthAnswersMatchTheDocument();
        discoveryDocumentsMatchTheDocument();
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                        .filter(method -> Set.of("get", "post", "put", "delete", "patch").contains(method))
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(exchanged);
        assertTrue(missing.isEmpty(), () -> "documented but not exchanged here: " + missing);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Checks the exchange against the document and the status the test expects; returns the answer. {@code body} is
     * the request body as sent (the client keeps no copy of it). A request that succeeds must match the document too;
     * one that is refused was refused for not matching it (no token, bad fields, a wrong media type), so only its
     * answer is checked.
     */
    private Http.Reply conforms(Http.Reply reply, String body, int expectedStatus) {
        HttpRequest sent = reply.response().request();
        String path = pathInDocument(sent.uri());
        SimpleRequest.Builder request = new SimpleRequest.Builder(sent.method(), path);
        if (sent.uri().getRawQuery() != null) {
            for (String parameter : sent.uri().getRawQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                request.withQueryParam(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        sent.headers().map().forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.response().headers().map().forEach(response::withHeader);
        ValidationReport report = expectedStatus < 300 ? validator.validate(request.build(), response.build())
                : validator.validateResponse(path, request.build().getMethod(), response.build());
        String exchange = sent.method() + " " + path + " -> " + reply.status();
        assertEquals(expectedStatus, reply.status(), () -> exchange + " " + reply.body());
        assertFalse(report.hasErrors(), () -> exchange + " does not match the document:\n"
                + SimpleValidationReportFormat.getInstance().apply(report) + "\nanswer: " + reply.body());
        exchanged.add(sent.method() + " " + templateOf(path));
        return reply;
    }

    /**
     * WildFly 39 adds empty {@code externalDocs}, {@code info.license} and {@code info.contact} objects to every
     * document after the application's filter has run (docs/portability.md), and OpenAPI requires a {@code url} and a
     * {@code name} in the first two. Payara's document has none of them, so there this changes nothing.
     */
    private static String withoutWildFlysEmptyObjects(JsonObject served) {
        JsonObjectBuilder document = Json.createObjectBuilder(served);
        if (JsonValue.EMPTY_JSON_OBJECT.equals(served.get("externalDocs"))) {
            document.remove("externalDocs");
        }
        JsonObjectBuilder info = Json.createObjectBuilder(served.getJsonObject("info"));
        for (String part : List.of("license", "contact")) {
            if (JsonValue.EMPTY_JSON_OBJECT.equals(served.getJsonObject("info").get(part))) {
                info.remove(part);
            }
        }
        return document.add("info", info).build().toString();
    }

    /** The object itself, or the component its {@code $ref} names ({@code #/components/<kind>/<name>}). */
    private JsonObject resolved(JsonObject object) {
        if (!object.containsKey("$ref")) {
            return object;
        }
        String[] pointer = object.getString("$ref").substring("#/".length()).split("/");
        JsonObject target = root;
        for (String step : pointer) {
            target = target.getJsonObject(step);
        }
        return target;
    }

    /**
     * The request with the {@code Accept} header a client generated from the document sends (openapi-generator's):
     * every media type of the operation's documented answers, shared ones ({@code $ref}) included.
     */
    private Http.Request asGenerated(Http.Request request, String method, String template) {
        JsonObject responses = paths.getJsonObject(template).getJsonObject(method).getJsonObject("responses");
        Set<String> types = new TreeSet<>();
        for (JsonValue answer : responses.values()) {
            JsonObject described = resolved(answer.asJsonObject());
            if (described.containsKey("content")) {
                types.addAll(described.getJsonObject("content").keySet());
            }
        }
        return request.header("Accept", String.join(", ", types));
    }

    private String pathInDocument(URI uri) {
        String contextRoot = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return "/" + uri.getRawPath().substring(contextRoot.length());
    }

    /** The document's path template an exchanged path belongs to, for the coverage check. */
    private String templateOf(String path) {
        return paths.keySet().stream().filter(template -> path.matches(template.replaceAll("\\{[^}/]+}", "[^/]+")))
                .findFirst().orElse(path);
    }

    private static Http.Request formPost(Http http, String path, String form) {
        return http.post(path).body("application/x-www-form-urlencoded", form);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    private static String refreshBody(String refreshToken) {
        return Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString();
    }
}
