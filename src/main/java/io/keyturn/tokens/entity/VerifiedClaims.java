package io.keyturn.tokens.entity;

import java.util.Set;

/**
 * What a valid access token says about its bearer. A client-credentials token has no session: its
 * {@code sessionId} is null and its {@code userId} and {@code username} are the client id.
 */
public record VerifiedClaims(String userId, String username, String email, Set<String> groups, String sessionId,
        long issuedAtEpochSecond, long expiresAtEpochSecond) {

    /** Issued to an OAuth client for itself ({@code client_credentials}), not to a user's session. */
    public boolean clientToken() {
        return sessionId == null;
    }
}
