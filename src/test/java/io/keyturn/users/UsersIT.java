package io.keyturn.users;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.TestDatabase;
import io.keyturn.users.control.PasswordHasher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration and login against the deployed WAR: statuses, headers, bodies and what lands in the database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersIT {

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

    private static String registration(String username, String email, String password) {
        return Json.createObjectBuilder().add("username", username).add("email", email).add("password", password)
                .build().toString();
    }

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    private Http.Reply register(String json) {
        return http().post("/api/auth/register").json(json).send();
    }

    private Http.Reply login(String json) {
        return http().post("/api/auth/login").json(json).send();
    }

    private static Set<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString::getString).stream().collect(Collectors.toSet());
    }

    private static Set<String> errorFields(JsonObject problem) {
        assertTrue(problem.containsKey("errors"), () -> "a validation problem lists its errors: " + problem);
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .peek(error -> assertFalse(error.getString("message").isBlank(), "each error has a message"))
                .map(error -> error.getString("field")).collect(Collectors.toSet());
    }

    /** The contract's token response for the given user; returns the body. */
    private static JsonObject assertTokenResponse(Http.Reply reply, int status, String username, String email) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertNotNull(reply.header("Cache-Control"), "Cache-Control");
        assertTrue(reply.header("Cache-Control").contains("no-store"), reply.header("Cache-Control"));
        JsonObject body = reply.json();
        assertEquals(3, body.getString("accessToken").split("\\.").length, "a JWS compact access token");
        assertEquals("Bearer", body.getString("tokenType"));
        assertEquals(900, body.getJsonNumber("expiresIn").longValueExact());
        assertFalse(body.getString("sessionId").isBlank(), "sessionId");
        assertFalse(body.containsKey("refreshToken"), "no refresh token in the body in cookie mode");
        JsonObject user = body.getJsonObject("user");
        assertFalse(user.getString("id").isBlank(), "user.id");
        assertEquals(username, user.getString("username"));
        assertEquals(email, user.getString("email"));
        assertEquals(Set.of("id", "username", "email", "roles"), user.keySet());
        return body;
    }

    // ---------------------------------------------------------------------------------------------- register

    @Test
    void registerAnswers201WithTheTokenResponseAndTheUsersLocation() {
        String name = Http.uniqueName("reg");
        Http.Reply reply = register(registration(name, name + "@example.com", PASSWORD));

        JsonObject body = assertTokenResponse(reply, 201, name, name + "@example.com");
        JsonObject user = body.getJsonObject("user");
        assertEquals(List.of("user"), user.getJsonArray("roles").getValuesAs(JsonString::getString));
        String location = reply.header("Location");
        assertNotNull(location, "Location");
        assertTrue(location.endsWith("/api/admin/users/" + user.getString("id")), location);

        Http.Reply located = http().request("GET", URI.create(location)).bearer(http().adminToken()).send();
        assertEquals(200, located.status(), located::toString);
        assertEquals(name, located.json().getString("username"), "the Location names the new user");
    }

    @Test
    void usernameAndEmailAreStoredInLowerCase() {
        String suffix = Http.uniqueName("").substring(1);
        String username = "Mixed.Case_" + suffix;
        String email = "Mixed.Case" + suffix + "@Example.COM";
        Http.Reply reply = register(registration(username, email, PASSWORD));

        JsonObject body = assertTokenResponse(reply, 201, username.toLowerCase(), email.toLowerCase());
        String id = body.getJsonObject("user").getString("id");
        assertEquals(username.toLowerCase(), TestDatabase.text("SELECT username FROM users WHERE id = ?", id));
        assertEquals(email.toLowerCase(), TestDatabase.text("SELECT email FROM users WHERE id = ?", id));
        assertEquals(200, login(credentials(username.toUpperCase(), PASSWORD)).status(), "login ignores case");
    }

    @Test
    void registrationValidationNamesEveryInvalidField() {
        JsonObject problem = assertProblem(register(registration("a", "not-an-email", "short")), 400,
                "validation_failed");
        assertEquals(Set.of("username", "email", "password"), errorFields(problem));

        JsonObject empty = assertProblem(register("{}"), 400, "validation_failed");
        assertEquals(Set.of("username", "email", "password"), errorFields(empty));

        String name = Http.uniqueName("val");
        assertEquals(Set.of("username"), errorFields(assertProblem(
                register(registration("has space " + name, name + "@example.com", PASSWORD)), 400,
                "validation_failed")));
        assertEquals(Set.of("username"), errorFields(assertProblem(
                register(registration("at@sign" + name, name + "@example.com", PASSWORD)), 400,
                "validation_failed")));
        assertEquals(Set.of("username"), errorFields(assertProblem(
                register(registration("u".repeat(65), name + "@example.com", PASSWORD)), 400,
                "validation_failed")));
        assertEquals(Set.of("email"), errorFields(assertProblem(
                register(registration(name, "", PASSWORD)), 400, "validation_failed")));
        assertEquals(Set.of("password"), errorFields(assertProblem(
                register(registration(name, name + "@example.com", "1234567")), 400, "validation_failed")));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name),
                "nothing registered by refused requests");
    }

    @Test
    void aMissingBodyIsA400NamingTheBody() {
        JsonObject problem = assertProblem(register(""), 400, "validation_failed");
        assertEquals(Set.of("body"), errorFields(problem));
        JsonObject jsonNull = assertProblem(register("null"), 400, "validation_failed");
        assertEquals(Set.of("body"), errorFields(jsonNull));
    }

    @Test
    void malformedJsonIsA400() {
        String name = Http.uniqueName("broken");
        String whole = registration(name, name + "@example.com", PASSWORD);
        assertProblem(register(whole.substring(0, whole.length() - 1)), 400, "malformed_json");
        assertProblem(register("{\"username\": \"x\","), 400, "malformed_json");
        assertProblem(register("this is not json"), 400, "malformed_json");
        assertProblem(login("{'username': 'single quotes', 'password': 'correct horse'}"), 400, "malformed_json");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    /** RFC 8259: a JSON text is one value; "{...} garbage" is not JSON and must not register anybody. */
    @Test
    void contentAfterTheJsonDocumentIsMalformed() {
        String name = Http.uniqueName("trail");
        String whole = registration(name, name + "@example.com", PASSWORD);
        assertProblem(register(whole + " trailing garbage"), 400, "malformed_json");
        assertProblem(register(whole + "}"), 400, "malformed_json");
        assertProblem(register(whole + "{\"username\":\"second\"}"), 400, "malformed_json");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    /** A client error, never a 500, and never a silent conversion into a password nobody typed. */
    private static void assertRefusedType(Http.Reply reply) {
        assertEquals(400, reply.status(), () -> "a wrong JSON type is refused, but the answer was " + reply.status()
                + (reply.status() < 300 ? " for user " + reply.json().getJsonObject("user") : " " + reply.body()));
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        String code = reply.json().getString("code");
        assertTrue(code.equals("malformed_json") || code.equals("validation_failed"), reply::toString);
    }

    @Test
    void aNumberWhereAStringBelongsIsA400() {
        String name = Http.uniqueName("num");
        String json = "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":12345678}";
        assertRefusedType(register(json));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    @Test
    void anArrayWhereAStringBelongsIsA400() {
        String name = Http.uniqueName("arr");
        String email = ",\"email\":\"" + name + "@example.com\",";
        assertRefusedType(register("{\"username\":\"" + name + "\"" + email + "\"password\":[\"x\",\"" + PASSWORD
                + "\"]}"));
        assertRefusedType(register("{\"username\":[\"" + name + "\"]" + email + "\"password\":\"" + PASSWORD
                + "\"}"));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
        assertRefusedType(login("{\"username\":[\"admin\"],\"password\":\"" + Http.ADMIN_PASSWORD + "\"}"));
    }

    @Test
    void anObjectOrBooleanWhereAStringBelongsIsA400() {
        String name = Http.uniqueName("obj");
        String prefix = "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":";
        assertEquals(Set.of("password"), errorFields(assertProblem(
                register(prefix + "{\"value\":\"" + PASSWORD + "\"}}"), 400, "validation_failed")));
        assertRefusedType(register(prefix + "true}"));
        assertProblem(register("[\"" + name + "\"]"), 400, "malformed_json");
        assertEquals(Set.of("username"), errorFields(assertProblem(
                login("{\"username\":{\"name\":\"admin\"},\"password\":\"" + PASSWORD + "\"}"), 400,
                "validation_failed")));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    @Test
    void unknownJsonFieldsAreIgnored() {
        String name = Http.uniqueName("extra");
        String json = Json.createObjectBuilder().add("username", name).add("email", name + "@example.com")
                .add("password", PASSWORD).add("roles", Json.createArrayBuilder().add("admin"))
                .add("nickname", "Al").add("nested", Json.createObjectBuilder().add("a", 1)).build().toString();
        JsonObject body = assertTokenResponse(register(json), 201, name, name + "@example.com");
        assertEquals(Set.of("user"), strings(body.getJsonObject("user"), "roles"),
                "an unknown roles field grants nothing");
        assertEquals("user", TestDatabase.text("SELECT roles FROM users WHERE username = ?", name));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        String name = Http.uniqueName("media");
        assertProblem(http().post("/api/auth/register")
                .body("text/plain", registration(name, name + "@example.com", PASSWORD)).send(),
                415, "unsupported_media_type");
        assertProblem(http().post("/api/auth/login")
                .body("application/x-www-form-urlencoded", "username=admin&password=x").send(),
                415, "unsupported_media_type");
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    @Test
    void aTakenUsernameIsA409EvenInAnotherCase() {
        String name = Http.uniqueName("taken");
        assertEquals(201, register(registration(name, name + "@example.com", PASSWORD)).status());

        assertProblem(register(registration(name, "other-" + name + "@example.com", PASSWORD)), 409,
                "username_taken");
        assertProblem(register(registration(name.toUpperCase(), "upper-" + name + "@example.com", PASSWORD)), 409,
                "username_taken");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    @Test
    void aTakenEmailIsA409EvenInAnotherCase() {
        String name = Http.uniqueName("mail");
        assertEquals(201, register(registration(name, name + "@example.com", PASSWORD)).status());

        assertProblem(register(registration(name + "-2", name + "@example.com", PASSWORD)), 409, "email_taken");
        assertProblem(register(registration(name + "-3", name.toUpperCase() + "@EXAMPLE.com", PASSWORD)), 409,
                "email_taken");
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE email = ?", name + "@example.com"));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username IN (?, ?)",
                name + "-2", name + "-3"));
    }

    @Test
    void registrationStoresAnArgon2HashAndASession() {
        String name = Http.uniqueName("db");
        JsonObject body = assertTokenResponse(register(registration(name, name + "@example.com", PASSWORD)), 201,
                name, name + "@example.com");
        String id = body.getJsonObject("user").getString("id");

        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE id = ? AND username = ?", id, name));
        String hash = TestDatabase.text("SELECT password_hash FROM users WHERE id = ?", id);
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertFalse(hash.contains(PASSWORD), "the password is not stored");
        assertTrue(new PasswordHasher(19456, 2, 1).check(PASSWORD, hash).matches(), "the hash is of the password");
        assertEquals("user", TestDatabase.text("SELECT roles FROM users WHERE id = ?", id));

        String sessionId = body.getString("sessionId");
        assertEquals(id, TestDatabase.text("SELECT user_id FROM sessions WHERE id = ?", sessionId));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE id = ? AND revoked_at IS NULL "
                + "AND expires_at > created_at", sessionId));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id),
                "registration opens exactly one session");
    }

    // ------------------------------------------------------------------------------------------------- login

    @Test
    void loginByUsernameAnswers200WithANewSession() {
        String name = Http.uniqueName("login");
        JsonObject registered = register(registration(name, name + "@example.com", PASSWORD)).json();

        JsonObject body = assertTokenResponse(login(credentials(name, PASSWORD)), 200, name, name + "@example.com");
        assertEquals(registered.getJsonObject("user").getString("id"), body.getJsonObject("user").getString("id"));
        assertEquals(Set.of("user"), strings(body.getJsonObject("user"), "roles"));
        assertNotEquals(registered.getString("sessionId"), body.getString("sessionId"), "one login, one session");
        assertEquals(body.getJsonObject("user").getString("id"),
                TestDatabase.text("SELECT user_id FROM sessions WHERE id = ?", body.getString("sessionId")));
    }

    @Test
    void loginByEmailAnswers200() {
        String name = Http.uniqueName("bymail");
        register(registration(name, name + "@example.com", PASSWORD));

        assertTokenResponse(login(credentials(name + "@example.com", PASSWORD)), 200, name, name + "@example.com");
        assertTokenResponse(login(credentials(name.toUpperCase() + "@Example.com", PASSWORD)), 200, name,
                name + "@example.com");
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameInvalidCredentialsBody() {
        String name = Http.uniqueName("cred");
        register(registration(name, name + "@example.com", PASSWORD));

        Http.Reply wrongPassword = login(credentials(name, PASSWORD + "!"));
        Http.Reply unknownUser = login(credentials(Http.uniqueName("nobody"), PASSWORD));
        Http.Reply unknownEmail = login(credentials(Http.uniqueName("nobody") + "@example.com", PASSWORD));
        assertProblem(wrongPassword, 401, "invalid_credentials");
        assertProblem(unknownUser, 401, "invalid_credentials");
        assertProblem(unknownEmail, 401, "invalid_credentials");
        assertEquals(wrongPassword.body(), unknownUser.body(), "nothing tells an unknown user from a wrong password");
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertEquals(wrongPassword.contentType(), unknownUser.contentType());
        assertEquals(wrongPassword.headers("WWW-Authenticate"), unknownUser.headers("WWW-Authenticate"));
    }

    @Test
    void loginValidationIsA400NamingTheFields() {
        assertEquals(Set.of("username", "password"), errorFields(assertProblem(login("{}"), 400,
                "validation_failed")));
        assertEquals(Set.of("username"), errorFields(assertProblem(login(credentials("   ", PASSWORD)), 400,
                "validation_failed")));
        assertEquals(Set.of("password"), errorFields(assertProblem(login("{\"username\":\"admin\"}"), 400,
                "validation_failed")));
        assertEquals(Set.of("body"), errorFields(assertProblem(login(""), 400, "validation_failed")));
    }

    @Test
    void aPasswordLongerThan128CharactersIsA400() {
        String name = Http.uniqueName("long");
        String tooLong = "p".repeat(129);
        assertEquals(Set.of("password"), errorFields(assertProblem(
                register(registration(name, name + "@example.com", tooLong)), 400, "validation_failed")));
        assertEquals(0, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = ?", name));

        assertEquals(Set.of("password"), errorFields(assertProblem(login(credentials("admin", tooLong)), 400,
                "validation_failed")));
        // a body far above any real request is refused before it is read as JSON
        assertProblem(login(credentials("admin", "p".repeat(100_000))), 413, "payload_too_large");

        String exactly128 = "q".repeat(127) + "!";
        assertEquals(201, register(registration(name, name + "@example.com", exactly128)).status(),
                "128 characters are allowed");
        assertEquals(200, login(credentials(name, exactly128)).status());
        assertProblem(login(credentials(name, "q".repeat(127) + "?")), 401, "invalid_credentials");
    }

    @Test
    void theBootstrapAdminCanLogInWithRolesUserAndAdmin() {
        JsonObject body = assertTokenResponse(login(credentials("admin", Http.ADMIN_PASSWORD)), 200, "admin",
                "admin@admin.invalid");
        assertEquals(Set.of("user", "admin"), strings(body.getJsonObject("user"), "roles"));
        assertEquals(1, TestDatabase.number("SELECT COUNT(*) FROM users WHERE username = 'admin'"));
        assertProblem(login(credentials("admin", Http.ADMIN_PASSWORD + "x")), 401, "invalid_credentials");
    }

    @Test
    void aHashWithOlderParametersIsUpgradedAtLogin() {
        String name = Http.uniqueName("rehash");
        String id = register(registration(name, name + "@example.com", PASSWORD)).json()
                .getJsonObject("user").getString("id");
        String weaker = new PasswordHasher(8192, 1, 1).hash(PASSWORD);
        assertEquals(1, TestDatabase.update("UPDATE users SET password_hash = ? WHERE id = ?", weaker, id));

        assertProblem(login(credentials(name, "not the password")), 401, "invalid_credentials");
        assertEquals(weaker, TestDatabase.text("SELECT password_hash FROM users WHERE id = ?", id),
                "a failed login changes nothing");

        assertEquals(200, login(credentials(name, PASSWORD)).status(), "the old hash still verifies");
        String upgraded = TestDatabase.text("SELECT password_hash FROM users WHERE id = ?", id);
        assertNotEquals(weaker, upgraded);
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
        assertTrue(new PasswordHasher(19456, 2, 1).check(PASSWORD, upgraded).matches());
        assertEquals(200, login(credentials(name, PASSWORD)).status(), "and the new one does too");
    }

    @Test
    void aDisabledAccountIsRefusedOnlyAfterTheRightPassword() {
        String name = Http.uniqueName("off");
        String id = register(registration(name, name + "@example.com", PASSWORD)).json()
                .getJsonObject("user").getString("id");
        assertEquals(1, TestDatabase.update("UPDATE users SET enabled = FALSE WHERE id = ?", id));
        try {
            assertProblem(login(credentials(name, PASSWORD)), 403, "account_disabled");
            assertProblem(login(credentials(name, "a wrong password")), 401, "invalid_credentials");
        } finally {
            TestDatabase.update("UPDATE users SET enabled = TRUE WHERE id = ?", id);
        }
        assertEquals(200, login(credentials(name, PASSWORD)).status());
    }
}
