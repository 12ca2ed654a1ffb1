package io.keyturn.problems.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem code Keyturn answers, with its HTTP status, title and default detail: the one catalogue clients
 * branch on (api-contract "Errors"). A code is part of the contract: renaming one is a breaking change. The title
 * is the status's reason phrase, as RFC 9457 allows when a type has no title of its own.
 */
public enum ProblemType {
    BAD_REQUEST(400, "bad_request", "The request was refused"),
    VALIDATION_FAILED(400, "validation_failed", "The request has invalid fields; see errors"),
    MALFORMED_JSON(400, "malformed_json", "The request body is not well-formed JSON of the shape this endpoint takes"),
    UNAUTHORIZED(401, "unauthorized", "This endpoint needs an access token: Authorization: Bearer <token>"),
    INVALID_TOKEN(401, "invalid_token", "The access token is invalid or expired"),
    INVALID_CREDENTIALS(401, "invalid_credentials", "The username or password is not correct"),
    REFRESH_TOKEN_INVALID(401, "refresh_token_invalid",
            "The refresh token is unknown, expired or revoked; log in again"),
    REFRESH_TOKEN_REUSED(401, "refresh_token_reused",
            "This refresh token was already used; its session has been revoked; log in again"),
    FORBIDDEN(403, "forbidden", "Your account lacks the role this endpoint needs"),
    ACCOUNT_DISABLED(403, "account_disabled", "This account is disabled"),
    CSRF_HEADER_MISSING(403, "csrf_header_missing",
            "A cookie-mode request must carry the header X-Requested-With: keyturn"),
    REGISTRATION_DISABLED(403, "registration_disabled",
            "Registration is closed; an administrator creates accounts"),
    NOT_FOUND(404, "not_found", "There is nothing at this address"),
    USER_NOT_FOUND(404, "user_not_found", "There is no user with this id"),
    SESSION_NOT_FOUND(404, "session_not_found", "There is no such session"),
    CLIENT_NOT_FOUND(404, "client_not_found", "There is no registered client with this client_id"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "This address does not answer this HTTP method"),
    NOT_ACCEPTABLE(406, "not_acceptable", "This endpoint answers application/json only"),
    USERNAME_TAKEN(409, "username_taken", "This username is already registered"),
    EMAIL_TAKEN(409, "email_taken", "This email address is already registered"),
    CLIENT_EXISTS(409, "client_exists", "A client with this client_id is already registered"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type",
            "This endpoint takes a JSON body: send Content-Type: application/json"),
    TOO_MANY_ATTEMPTS(429, "too_many_attempts", "Too many attempts; see Retry-After"),
    INTERNAL_ERROR(500, "internal_error", "Keyturn failed to answer"),
    SERVICE_UNAVAILABLE(503, "service_unavailable", "The database is unreachable; retry in a few seconds");

    private final int status;
    private final String code;
    private final String defaultDetail;

    ProblemType(int status, String code, String defaultDetail) {
        this.status = status;
        this.code = code;
        this.defaultDetail = defaultDetail;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return ReasonPhrases.of(status);
    }

    public String defaultDetail() {
        return defaultDetail;
    }

    /** The type of a bare HTTP refusal with this status (the first of the status in this catalogue). */
    public static Optional<ProblemType> forStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst();
    }
}
