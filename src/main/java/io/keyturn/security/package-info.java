/**
 * The HTTP edge of authentication: the bearer {@code HttpAuthenticationMechanism} (RFC 6750), strict mode's check of
 * revoked access tokens, the answers to denied calls (401 with the right challenge, 403), and the headers of every
 * response (nosniff, CORS, no-store; a strict Content-Security-Policy on the account page and
 * {@code /keyturn.js}), and the redirect from {@code /account} to the page under the issuer.
 * <p>
 * Uses: problems, configuration, tokens, callers, users, sessions. Transactions: none of its own (strict mode reads
 * through the users' and sessions' repositories).
 */
package io.keyturn.security;
