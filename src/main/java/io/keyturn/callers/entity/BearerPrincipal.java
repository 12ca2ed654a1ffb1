package io.keyturn.callers.entity;

import io.keyturn.tokens.entity.VerifiedClaims;
import jakarta.security.enterprise.CallerPrincipal;
import java.util.Set;

/** The caller behind a valid access token: its name is the username, and it knows its user and session ids. */
public class BearerPrincipal extends CallerPrincipal {

    private final String userId;
    private final String sessionId;
    private final String email;
    private final Set<String> roles;

    public BearerPrincipal(VerifiedClaims claims) {
        super(claims.username());
        this.userId = claims.userId();
        this.sessionId = claims.sessionId();
        this.email = claims.email();
        this.roles = Set.copyOf(claims.groups());
    }

    public String email() {
        return email;
    }

    public Set<String> roles() {
        return roles;
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }
}
