/**
 * Access tokens and the keys behind them: signing keys (configured, or generated once and shared through the
 * database, rotated on a schedule), the JWKS at {@code /.well-known/jwks.json}, issuing and verifying access tokens
 * (from memory: no database read per request), the issuer, and the server's other shared secret keys.
 * <p>
 * Uses: configuration. Transactions: reads and inserts of keys run in transactions of their own
 * ({@code REQUIRES_NEW}): a reload must see what other instances committed, and losing the race to create a key must
 * not fail the caller.
 */
package io.keyturn.tokens;
