package io.keyturn.sessions.control;

import io.keyturn.configuration.Settings;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.audit.control.SecurityLog;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.sessions.entity.IssuedRefreshToken;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import io.keyturn.users.control.Authenticator;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * One refresh: the presented token is locked in the database ({@code SELECT ... FOR UPDATE} on its primary key),
 * so any number of simultaneous refreshes of one token, on any number of instances, are serialised by the database
 * itself. The first retires the token and issues the successor; the others, inside the grace window, find it
 * retired with an unused successor and get that same successor back. A retired token presented later, or an older
 * ancestor, revokes the whole session.
 */
@ApplicationScoped
public class RefreshTokenRotation {

    @PersistenceContext
    EntityManager em;

    @Inject
    SuccessorSeal seal;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Rejections commit too: a detected reuse must stay revoked although the client is answered 401. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedRefreshToken refresh(String presented, ClientInfo client) {
        if (!RefreshTokens.wellFormed(presented)) {
            throw invalid();
        }
        Instant now = clock.instant();
        RefreshToken token = em.find(RefreshToken.class, RefreshTokens.hash(presented),
                LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            throw invalid();
        }
        Session session = em.find(Session.class, token.sessionId());
        User user = em.find(User.class, session.userId());
        if (!user.enabled()) {
            throw Authenticator.accountDisabled();
        }
        if (session.revokedAt() != null) {
            throw session.revokeReason() == RevokeReason.REUSE ? reused() : invalid();
        }
        if (!session.activeAt(now)) {
            throw invalid();
        }
        if (token.live()) {
            return token.expiredAt(now) ? rejectExpired() : rotate(token, session, user, now, client);
        }
        if (withinGrace(token, now)) {
            RefreshToken successor = em.find(RefreshToken.class, token.successorHash(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (successor != null && successor.live() && token.successorSealed() != null) {
                String same = seal.open(token.successorSealed(), token.tokenHash());
                return new IssuedRefreshToken(user, session.id(), same, successor.expiresAt());
            }
        }
        session.revoke(now, RevokeReason.REUSE);
        SecurityLog.alert("refresh_token_reused", "session_revoked", user.id(), session.id(), client.ipAddress());
        throw reused();
    }

    private IssuedRefreshToken rotate(RefreshToken token, Session session, User user, Instant now,
            ClientInfo client) {
        String successor = RefreshTokens.newToken();
        RefreshToken next = new RefreshToken(RefreshTokens.hash(successor), session.id(), now,
                Sessions.firstOf(now.plus(settings.refreshTokenIdleTtl()), session.expiresAt()));
        em.persist(next);
        String sealed = settings.refreshTokenGrace().isZero() ? null : seal.seal(successor, token.tokenHash());
        token.retire(now, next.tokenHash(), sealed);
        session.used(now, client);
        return new IssuedRefreshToken(user, session.id(), successor, next.expiresAt());
    }

    private boolean withinGrace(RefreshToken token, Instant now) {
        return now.isBefore(token.retiredAt().plus(settings.refreshTokenGrace()));
    }

    private static IssuedRefreshToken rejectExpired() {
        throw invalid();
    }

    public static ProblemException invalid() {
        return new ProblemException(ProblemType.REFRESH_TOKEN_INVALID);
    }

    static ProblemException reused() {
        return new ProblemException(ProblemType.REFRESH_TOKEN_REUSED);
    }
}
