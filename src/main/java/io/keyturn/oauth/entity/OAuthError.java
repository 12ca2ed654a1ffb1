package io.keyturn.oauth.entity;

/**
 * The error codes of the OAuth endpoints (RFC 6749 §5.2, used by RFC 7009 and 7662 too) with their HTTP status.
 * {@link #TOO_MANY_ATTEMPTS} is Keyturn's: RFC 6749 has no code for throttling, so the name is the one Keyturn's
 * problem details use for the same refusal.
 */
public enum OAuthError {
    INVALID_REQUEST(400, "invalid_request"),
    INVALID_CLIENT(401, "invalid_client"),
    INVALID_GRANT(400, "invalid_grant"),
    UNAUTHORIZED_CLIENT(400, "unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE(400, "unsupported_grant_type"),
    TOO_MANY_ATTEMPTS(429, "too_many_attempts");

    private final int status;
    private final String code;

    OAuthError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
