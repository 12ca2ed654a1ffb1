package io.keyturn.client;

import java.util.Set;

/**
 * The session behind a token source is over (revoked, reused, expired, account disabled, client deleted): no retry
 * can help, only a new login. Once thrown, the token source throws it for every later call without asking the
 * server again.
 */
public class SessionEndedException extends KeyturnException {

    private static final long serialVersionUID = 1L;

    /** Problem codes (Keyturn's JSON API) and OAuth errors that mean the session or client is finished. */
    static final Set<String> FINAL_CODES = Set.of("refresh_token_invalid", "refresh_token_reused",
            "account_disabled", "invalid_grant", "invalid_client", "unauthorized_client");

    public SessionEndedException(String message, int status, String code) {
        super(message, status, code, null);
    }

    static boolean isFinal(String code) {
        return code != null && FINAL_CODES.contains(code);
    }
}
