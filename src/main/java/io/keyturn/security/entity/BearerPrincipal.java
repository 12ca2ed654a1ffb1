package io.keyturn.security.entity;

import io.keyturn.tokens.entity.VerifiedClaims;
import jakarta.security.enterprise.CallerPrincipal;

/** The caller behind a valid access token: its name is the username, and it knows its user and session ids. */
public class BearerPrincipal extends CallerPrincipal {

    private final String userId;
    private final String sessionId;

    public BearerPrincipal(VerifiedClaims claims) {
        super(claims.username());
        this.userId = claims.userId();
        this.sessionId = claims.sessionId();
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }
}
