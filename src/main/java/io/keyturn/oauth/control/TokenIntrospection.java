package io.keyturn.oauth.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.oauth.entity.Client;
import io.keyturn.oauth.entity.Introspection;
import io.keyturn.sessions.control.RefreshTokens;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.Session;
import io.keyturn.tokens.control.AccessTokenValidator;
import io.keyturn.tokens.control.InvalidTokenException;
import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.tokens.entity.VerifiedClaims;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Token introspection (RFC 7662): unlike bearer authentication, which checks an access token from memory, this reads
 * the database, so a resource server sees a logout, a revoked session, a disabled account or a password change at
 * once. A user's token is active while its signature and times hold, its session is live, its user enabled and not
 * told to drop older tokens (strict mode's {@code tokens_valid_after}); a client's token while its client is
 * registered; a refresh token while it is the live, unexpired token of a live session.
 */
@ApplicationScoped
@RetriedOnConflict
public class TokenIntrospection {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessTokenValidator validator;

    @Inject
    ClientRegistry registry;

    @Inject
    Issuer issuer;

    @Inject
    AccessTokenSettings accessTokens;

    @Inject
    Clock clock;

    @Transactional
    public Optional<Introspection> introspect(String token) {
        return token.indexOf('.') >= 0 ? accessToken(token) : refreshToken(token);
    }

    private Optional<Introspection> accessToken(String token) {
        VerifiedClaims claims;
        try {
            claims = validator.validate(token);
        } catch (InvalidTokenException inactive) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() >= claims.expiresAtEpochSecond()) {
            // the validator allows other servers' clocks some skew past exp; this answer is made on Keyturn's clock
            return Optional.empty();
        }
        if (claims.clientToken()) {
            // a client registered again under a deleted one's id does not revive the deleted one's tokens
            return registry.find(claims.userId()).filter(Client::confidential)
                    .filter(client -> claims.issuedAtEpochSecond() >= client.createdAt().getEpochSecond())
                    .map(client -> describe(Introspection.ACCESS_TOKEN, claims.userId(), claims.username(),
                            client.clientId(), claims.expiresAtEpochSecond(), claims.issuedAtEpochSecond(), null,
                            List.copyOf(claims.groups())));
        }
        return liveSession(claims.sessionId(), now)
                .filter(session -> session.userId().equals(claims.userId()))
                .filter(session -> userAccepts(session.userId(), claims.issuedAtEpochSecond()))
                .map(session -> describe(Introspection.ACCESS_TOKEN, claims.userId(), claims.username(),
                        session.clientId(), claims.expiresAtEpochSecond(), claims.issuedAtEpochSecond(),
                        session.id(), List.copyOf(claims.groups())));
    }

    private Optional<Introspection> refreshToken(String token) {
        if (!RefreshTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<RefreshToken> row = Optional.ofNullable(em.find(RefreshToken.class, RefreshTokens.hash(token)))
                .filter(RefreshToken::live).filter(live -> !live.expiredAt(now));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return liveSession(row.get().sessionId(), now).flatMap(session -> enabledUser(session.userId())
                .map(user -> describe(Introspection.REFRESH_TOKEN, user.id(), user.username(), session.clientId(),
                        row.get().expiresAt().getEpochSecond(), row.get().createdAt().getEpochSecond(), session.id(),
                        user.roles().stream().sorted().toList())));
    }

    private Optional<Session> liveSession(String sessionId, Instant now) {
        return Optional.ofNullable(em.find(Session.class, sessionId)).filter(session -> session.activeAt(now));
    }

    private Optional<User> enabledUser(String userId) {
        return Optional.ofNullable(em.find(User.class, userId)).filter(User::enabled);
    }

    private boolean userAccepts(String userId, long issuedAtEpochSecond) {
        return enabledUser(userId).filter(user -> user.tokensValidAfter() == null
                || issuedAtEpochSecond >= user.tokensValidAfter().getEpochSecond()).isPresent();
    }

    private Introspection describe(String type, String subject, String username, String clientId, long exp, long iat,
            String sessionId, List<String> groups) {
        return new Introspection(type, subject, username, clientId, issuer.value(), accessTokens.audience(), exp, iat,
                sessionId, groups);
    }
}
