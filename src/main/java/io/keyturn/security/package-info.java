/**
 * The HTTP edge of authentication: the bearer {@code HttpAuthenticationMechanism} (RFC 6750), strict mode's check of
 * revoked access tokens, the answers to denied calls (401 with the right challenge, 403), and the headers of every
 * response (nosniff, CORS, no-store; a strict Content-Security-Policy on the account page and {@code /keyturn.js}).
 * <p>
 * Uses: problems, configuration, tokens, callers, users. Transactions: none of its own (strict mode reads
 * through users' repository).
 */
package io.keyturn.security;
