package io.keyturn.users.entity;

/**
 * A CDI event: an account is about to be created with this username (canonical form), inside the creation's
 * transaction. An observer that knows the name as another principal's refuses it by throwing, and the account is not
 * created: access tokens carry the username as {@code upn} and {@code preferred_username}, which must name one
 * principal only (OAuth clients' tokens carry their client id there).
 */
public record UsernameClaimed(String canonicalUsername) {
}
