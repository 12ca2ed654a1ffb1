package io.keyturn.client;

import java.util.Set;

/**
 * The session behind a token source is over (revoked, reused, expired, account disabled, client deleted): no retry
 * can help, only a new login. Once thrown, the token source throws one for every later call without asking the
 * server again, each caller its own, caused by the one the renewal got.
 */
public class SessionEndedException extends KeyturnException {

    private static final long serialVersionUID = 1L;

    /** Problem codes (Keyturn's JSON API) and OAuth errors that mean the session or client is finished. */
    static final Set<String> FINAL_CODES = Set.of("refresh_token_invalid", "refresh_token_reused",
            "account_disabled", "invalid_grant", "invalid_client", "unauthorized_client");

    public SessionEndedException(String message, int status, String code) {
        super(message, status, code, null);
    }

    /** @param cause the exception of the renewal that found the session over, for a later caller */
    public SessionEndedException(String message, int status, String code, Throwable cause) {
        super(message, status, code, cause);
    }

    /**
     * The same end for another caller: a new exception, with this call's stack, caused by this one. A token source
     * hands each caller its own, so that what one caller adds ({@code addSuppressed} in a try-with-resources) never
     * reaches the others or piles up in the source.
     */
    SessionEndedException thrownAgain() {
        return new SessionEndedException(getMessage(), status(), code(), this);
    }

    static boolean isFinal(String code) {
        return code != null && FINAL_CODES.contains(code);
    }
}
