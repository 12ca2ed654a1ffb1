package io.keyturn.oauth.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal at an OAuth endpoint, answered as {@code {"error", "error_description"}} (RFC 6749 §5.2), not as a
 * problem detail: OAuth clients parse that shape. The description never contains a token or a secret.
 */
public class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final String description;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public OAuthException(OAuthError error, String description) {
        super(error.code(), null, false, false); // a refusal, not a fault: no stack trace
        this.error = error;
        this.description = description;
    }

    public OAuthException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return description;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
