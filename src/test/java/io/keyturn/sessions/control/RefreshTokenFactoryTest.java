package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.Session;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenFactoryTest {

    static final Instant LOGIN = Instant.parse("2030-01-01T00:00:00Z");
    static final RefreshPolicy POLICY = RefreshPolicy.ofSeconds(600, 3600, 30);

    final Session session = new Session("user-id", new ClientInfo(null, "192.0.2.1"), LOGIN,
            POLICY.sessionExpiresAt(LOGIN));

    @Test
    void aNewTokenIsStoredOnlyAsItsHashInItsSessionAndLive() {
        RefreshTokenFactory.NewRefreshToken made = RefreshTokenFactory.newToken(session, LOGIN, POLICY);
        assertTrue(RefreshTokens.wellFormed(made.token()));
        assertEquals(RefreshTokens.hash(made.token()), made.row().tokenHash());
        assertEquals(session.id(), made.row().sessionId());
        assertTrue(made.row().live());
        assertNull(made.row().successorHash());
        assertFalse(made.toString().contains(made.token()), "never the token in a log line");
    }

    @Test
    void itExpiresAfterTheIdleTtl() {
        assertEquals(LOGIN.plusSeconds(600), RefreshTokenFactory.newToken(session, LOGIN, POLICY).row().expiresAt());
    }

    @Test
    void butNeverAfterItsSession() {
        Instant late = session.expiresAt().minusSeconds(60);
        assertEquals(session.expiresAt(), RefreshTokenFactory.newToken(session, late, POLICY).row().expiresAt());
    }

    @Test
    void everyTokenIsNew() {
        assertNotEquals(RefreshTokenFactory.newToken(session, LOGIN, POLICY).token(),
                RefreshTokenFactory.newToken(session, LOGIN, POLICY).token());
    }
}
