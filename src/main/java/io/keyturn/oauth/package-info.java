/**
 * The standard OAuth 2.0 surface (RFC 6749, 7009, 7662, 8414): discovery metadata, the token, revocation and
 * introspection endpoints, and the registry of client applications, so off-the-shelf resource servers and OAuth
 * clients work with Keyturn by configuration alone.
 * <p>
 * Uses: problems, json, audit, tokens, callers, throttling, users, sessions. Transactions: writes are
 * {@code @Transactional}, as in sessions; a failed client authentication is counted by throttling in its own.
 */
package io.keyturn.oauth;
