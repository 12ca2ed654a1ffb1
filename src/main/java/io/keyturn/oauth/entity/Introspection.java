package io.keyturn.oauth.entity;

import java.util.List;

/**
 * What introspection (RFC 7662 §2.2) says about an active token. An inactive token is only {@code {"active": false}}:
 * nothing about why. {@code clientId} and {@code sessionId} are null where there is none (a first-party session has
 * no client; a client-credentials token has no session).
 */
public record Introspection(String tokenType, String subject, String username, String clientId, String issuer,
        String audience, long expiresAt, long issuedAt, String sessionId, List<String> groups) {

    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
}
