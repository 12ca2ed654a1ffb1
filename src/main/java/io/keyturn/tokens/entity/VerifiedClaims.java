package io.keyturn.tokens.entity;

import java.util.Set;

/** What a valid access token says about its bearer. */
public record VerifiedClaims(String userId, String username, String email, Set<String> groups, String sessionId,
        long issuedAtEpochSecond, long expiresAtEpochSecond) {
}
