package io.keyturn.sessions.entity;

/** Why a session ended early; {@link #REUSE} makes its old tokens answer {@code refresh_token_reused}. */
public enum RevokeReason {
    LOGOUT,
    LOGOUT_ALL,
    USER_REVOKED,
    ADMIN_REVOKED,
    PASSWORD_CHANGED,
    USER_DISABLED,
    /** The user opened more sessions than {@code keyturn.sessions.max-per-user}: the least recently used went. */
    SESSION_LIMIT,
    /** The OAuth client that opened it was deleted from the registry. */
    CLIENT_DELETED,
    /** Its client revoked a token of it (RFC 7009). */
    TOKEN_REVOKED,
    REUSE
}
