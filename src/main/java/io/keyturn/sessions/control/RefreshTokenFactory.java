package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.Session;
import java.time.Instant;

/**
 * Makes every refresh token of a session, the first at login and each successor at a refresh, so both get the same
 * randomness, the same hash and the same expiry rule.
 */
final class RefreshTokenFactory {

    /** The token for the client and the row that stores only its hash; the caller persists the row. */
    record NewRefreshToken(String token, RefreshToken row) {

        @Override
        public String toString() {
            return "NewRefreshToken[sessionId=" + row.sessionId() + "]"; // never the token
        }
    }

    private RefreshTokenFactory() {
    }

    static NewRefreshToken newToken(Session session, Instant now, RefreshPolicy policy) {
        String token = RefreshTokens.newToken();
        RefreshToken row = new RefreshToken(RefreshTokens.hash(token), session.id(), now,
                policy.tokenExpiresAt(now, session.expiresAt()));
        return new NewRefreshToken(token, row);
    }
}
