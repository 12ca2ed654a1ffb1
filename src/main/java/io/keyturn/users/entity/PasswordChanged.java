package io.keyturn.users.entity;

/**
 * A CDI event: the user changed the password from the session {@code keptSessionId}. Fired inside the change's
 * transaction, so every other session of the user ends in the same transaction.
 */
public record PasswordChanged(String userId, String keptSessionId, String clientAddress) {
}
