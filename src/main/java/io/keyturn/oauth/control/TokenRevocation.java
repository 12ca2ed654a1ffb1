package io.keyturn.oauth.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.oauth.entity.AuthenticatedClient;
import io.keyturn.sessions.control.RefreshTokens;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.RequestingClient;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import io.keyturn.tokens.control.AccessTokenValidator;
import io.keyturn.tokens.control.InvalidTokenException;
import io.keyturn.tokens.entity.VerifiedClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Token revocation (RFC 7009): a refresh token ends its session; an access token, once verified, ends the session its
 * {@code sid} names. Unknown, invalid, expired or already revoked tokens end nothing and are no error (§2.2). A client
 * may end only sessions it may refresh (RequestingClient's rule): another client's token is treated as unknown, so
 * the answer tells nothing about it. A client-credentials access token has no session and lives until its
 * {@code exp}. The type hint is not needed: an access token is a JWT (it has dots), a refresh token never has one.
 */
@ApplicationScoped
@RetriedOnConflict
public class TokenRevocation {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessTokenValidator validator;

    @Inject
    Clock clock;

    @Transactional
    public void revoke(String token, AuthenticatedClient client, String address) {
        sessionOf(token).ifPresent(session -> end(session, client, address));
    }

    private Optional<Session> sessionOf(String token) {
        if (token.indexOf('.') >= 0) {
            try {
                VerifiedClaims claims = validator.validate(token);
                return claims.clientToken() ? Optional.empty() : locked(claims.sessionId());
            } catch (InvalidTokenException unusable) {
                return Optional.empty();
            }
        }
        if (!RefreshTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(RefreshToken.class, RefreshTokens.hash(token)))
                .flatMap(row -> locked(row.sessionId()));
    }

    private Optional<Session> locked(String sessionId) {
        return Optional.ofNullable(em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE));
    }

    private void end(Session session, AuthenticatedClient client, String address) {
        if (session.revokedAt() != null) {
            return;
        }
        if (!new RequestingClient(client.clientId(), client.confidential()).mayUse(session.clientId())) {
            SecurityLog.alert("token_revocation_refused", "other_client client_id=" + client.clientId(),
                    session.userId(), session.id(), address);
            return;
        }
        session.revoke(clock.instant(), RevokeReason.TOKEN_REVOKED);
        SecurityLog.event("token_revoked", "session_revoked client_id=" + client.clientId(), session.userId(),
                session.id(), address);
    }
}
