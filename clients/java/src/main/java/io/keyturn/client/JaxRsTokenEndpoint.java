package io.keyturn.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

/**
 * {@link TokenEndpoint} over a Jakarta REST {@link Client} of the caller's choosing (Jersey, RESTEasy, the EE
 * server's own). Bodies travel as strings and are read with JSON-P, so no JSON entity provider (JSON-B, Jackson)
 * needs to be registered on the client.
 * <p>
 * The client is the caller's: this class never closes it. Do not register {@link BearerTokenFilter} on the client
 * given here (the token endpoints need no bearer, and it would ask the source for a token while renewing it).
 */
public final class JaxRsTokenEndpoint implements TokenEndpoint {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    private final WebTarget keyturn;

    /**
     * @param client  any Jakarta REST client
     * @param keyturn where Keyturn's WAR answers, e.g. {@code https://auth.example.com} (its {@code keyturn.issuer})
     */
    public JaxRsTokenEndpoint(Client client, URI keyturn) {
        this.keyturn = Objects.requireNonNull(client, "client").target(Objects.requireNonNull(keyturn, "keyturn"));
    }

    @Override
    public Issued login(String username, String password) {
        String body = Json.createObjectBuilder().add("username", username).add("password", password).build()
                .toString();
        return keyturnJson(keyturn.path("api/auth/login").request(JSON).header("X-Token-Mode", "body"), body);
    }

    @Override
    public Issued refresh(String refreshToken) {
        String body = Json.createObjectBuilder().add("refreshToken", refreshToken).build().toString();
        return keyturnJson(keyturn.path("api/auth/refresh").request(JSON).header("X-Token-Mode", "body"), body);
    }

    @Override
    public Issued clientCredentials(String clientId, String clientSecret) {
        // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and base64-encoded
        String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
        String basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        Form form = new Form().param("grant_type", "client_credentials");
        Invocation.Builder request = keyturn.path("api/oauth2/token").request(JSON)
                .header(HttpHeaders.AUTHORIZATION, basic);
        try (Response response = request.post(Entity.form(form))) {
            JsonObject answer = read(response);
            if (response.getStatus() == 200) {
                return issued(response.getStatus(), answer, "access_token", "expires_in", "refresh_token", false);
            }
            throw failure(response, text(answer, "error"), text(answer, "error_description"));
        } catch (ProcessingException unreachable) {
            throw notReached("Keyturn's token endpoint could not be reached", unreachable);
        }
    }

    /** Login and refresh in body mode: a success always carries the successor refresh token. */
    private static Issued keyturnJson(Invocation.Builder request, String body) {
        try (Response response = request.post(Entity.entity(body, JSON))) {
            JsonObject answer = read(response);
            if (response.getStatus() == 200 || response.getStatus() == 201) {
                return issued(response.getStatus(), answer, "accessToken", "expiresIn", "refreshToken", true);
            }
            throw failure(response, text(answer, "code"), text(answer, "detail"));
        } catch (ProcessingException unreachable) {
            throw notReached("Keyturn could not be reached", unreachable);
        }
    }

    /**
     * The tokens of a success, or a {@link KeyturnException} (which the token source tries once more at once) when
     * the answer does not carry them, e.g. a proxy's page with status 200: the server may have rotated the refresh
     * token, and only a second request inside the grace window gets its successor.
     */
    private static Issued issued(int status, JsonObject answer, String access, String expiresIn, String refresh,
            boolean refreshRequired) {
        String accessToken = text(answer, access);
        String refreshToken = text(answer, refresh);
        Duration lifetime = answer.get(expiresIn) instanceof JsonNumber seconds && seconds.isIntegral()
                && seconds.bigIntegerValue().signum() > 0 && seconds.bigIntegerValue().bitLength() < 32
                ? Duration.ofSeconds(seconds.longValue()) : null;
        if (accessToken == null || accessToken.isEmpty() || lifetime == null
                || (refreshRequired && (refreshToken == null || refreshToken.isEmpty()))) {
            throw new KeyturnException("Keyturn's answer " + status + " carries no usable " + access + ", "
                    + expiresIn + (refreshRequired ? " and " + refresh : ""), status, null, null);
        }
        return new Issued(accessToken, lifetime, refreshToken);
    }

    /**
     * No answer came. An {@link IllegalStateException} is the caller's mistake, not the network's (e.g. a closed
     * client, or {@link BearerTokenFilter} on this client asking the source for a token while it renews), so it is
     * thrown as it is and not tried again.
     */
    private static RuntimeException notReached(String message, ProcessingException unreachable) {
        if (unreachable.getCause() instanceof IllegalStateException misuse) {
            return misuse;
        }
        return new KeyturnException(message, 0, null, unreachable);
    }

    private static KeyturnException failure(Response response, String code, String detail) {
        int status = response.getStatus();
        String message = "Keyturn answered " + status + (code == null ? "" : " " + code)
                + (detail == null ? "" : ": " + detail);
        // only 4xx with a code that names the session or credentials is final; a 5xx is never final
        if (status >= 400 && status < 500 && SessionEndedException.isFinal(code)) {
            return new SessionEndedException(message, status, code);
        }
        return new KeyturnException(message, status, code, retryAfter(response.getHeaderString("Retry-After")),
                null);
    }

    /** RFC 9110 §10.2.3: seconds, or an HTTP date; {@code null} when absent or neither. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The body as a JSON object; an empty object when there is none or it is not JSON (e.g. a proxy's 502 page). */
    private static JsonObject read(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
