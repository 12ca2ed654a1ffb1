package io.keyturn.oauth.entity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body, read as RFC 6749 asks: a parameter sent without a value is as if
 * omitted (§3.1), a parameter sent twice makes the request invalid (§3.1, §3.2), unknown parameters are kept and
 * simply never asked for. Parsed here rather than by the container so duplicates can be seen at all.
 */
public final class FormParameters {

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = values;
    }

    public static FormParameters parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return new FormParameters(values);
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (values.containsKey(name)) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter " + safeName(name)
                        + " is sent more than once");
            }
            values.put(name, value);
        }
        values.values().removeIf(String::isEmpty); // after the duplicate check: "a=&a=x" is still a duplicate
        return new FormParameters(values);
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The body is not valid form encoding");
        }
    }

    /** Names go into an error description: only the harmless ones are repeated. */
    private static String safeName(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,64}") ? name : "(a parameter)";
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST,
                "The parameter " + name + " is required"));
    }
}
