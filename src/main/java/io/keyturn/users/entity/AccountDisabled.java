package io.keyturn.users.entity;

/**
 * A CDI event: an administrator disabled the account. Fired inside the disabling transaction, so whoever keeps
 * state for the user (sessions) ends it in the same transaction.
 */
public record AccountDisabled(String userId, String clientAddress) {
}
