package io.keyturn.sessions.entity;

import io.keyturn.users.entity.User;
import java.time.Instant;

/** The outcome of a login or refresh: the user, the session, and the refresh token to hand to the client. */
public record IssuedRefreshToken(User user, String sessionId, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[sessionId=" + sessionId + "]"; // never the token
    }
}
