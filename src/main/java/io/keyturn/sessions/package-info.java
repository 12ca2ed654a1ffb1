/**
 * Sessions and refresh tokens: signing in (login, registration's first session, refresh) and out, one session per
 * device with a stable id, rotation with the grace window and reuse detection ({@code control.RefreshDecision} is
 * the rule, {@code control.RefreshTokenRotation} applies it), the cookie and body modes, the session cap,
 * housekeeping of finished sessions and tokens, and the endpoints under {@code /api/auth} and the administrators'
 * session views.
 * <p>
 * Uses: problems, json, configuration, audit, tokens, callers, throttling, users (and observes
 * users' events). Transactions: writes are {@code @Transactional}; a refresh commits its rejections too
 * ({@code dontRollbackOn}), so a detected reuse stays revoked; housekeeping works in short batches of their own.
 */
package io.keyturn.sessions;
