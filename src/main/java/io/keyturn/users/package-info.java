/**
 * Accounts: registration and administrator-created accounts, the rules of usernames, emails and passwords, password
 * hashing (Argon2id) within a heap budget, checking credentials under the throttle, password change, enabling and
 * disabling, the bootstrap administrator, {@code /api/me} and the administrators' user list.
 * <p>
 * Uses: problems, configuration, audit, tokens (the issuer, for absolute URLs), callers, throttling. Tells sessions what
 * happened through CDI events ({@code entity.AccountDisabled}, {@code entity.PasswordChanged}), observed
 * synchronously in the same transaction. Owns the principal names ({@code entity.PrincipalName}): a username and an
 * OAuth client's id are one namespace, which oauth claims through {@code control.PrincipalNames}. Transactions: writes are {@code @Transactional} (joining the caller's);
 * a password is checked outside any transaction, so no pooled connection is held through Argon2.
 */
package io.keyturn.users;
