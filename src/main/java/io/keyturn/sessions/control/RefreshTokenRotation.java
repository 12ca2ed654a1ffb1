package io.keyturn.sessions.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.database.StoredTimePrecision;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.audit.control.SecurityLog;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.sessions.entity.IssuedRefreshToken;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.RequestingClient;
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
import java.util.Optional;

/**
 * One refresh: the presented token is locked in the database ({@code SELECT ... FOR UPDATE} on its primary key),
 * so any number of simultaneous refreshes of one token, on any number of instances, are serialised by the database
 * itself. Its session is locked next (token, then session: nothing locks them the other way round), so a revocation
 * committed at the same moment is either seen or waits, and is never overwritten. The first refresh retires the
 * token and issues the successor; the others, inside the grace window, find it retired with an unused successor and
 * get that same successor back. A retired token presented later, or an older
 * ancestor, revokes the whole session. Which of these happens is decided by {@link RefreshDecision}; this class only
 * loads and locks the rows, applies the outcome and lets the transaction save it.
 */
@ApplicationScoped
@RetriedOnConflict
public class RefreshTokenRotation {

    @PersistenceContext
    EntityManager em;

    @Inject
    SuccessorSeal seal;

    @Inject
    RefreshPolicy policy;

    @Inject
    StoredTimePrecision storedTimes;

    @Inject
    Clock clock;

    /** Rejections commit too: a detected reuse must stay revoked although the client is answered 401. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedRefreshToken refresh(String presented, ClientInfo client) {
        return refresh(presented, client, RequestingClient.FIRST_PARTY);
    }

    /**
     * A refresh by a given client. A session bound to another client answers as an invalid token, before any rule
     * of the rotation runs: a wrong client changes nothing (no rotation, no reuse detection, no revocation).
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedRefreshToken refresh(String presented, ClientInfo client, RequestingClient requester) {
        if (!RefreshTokens.wellFormed(presented)) {
            throw invalid();
        }
        Instant now = clock.instant();
        RefreshToken token = em.find(RefreshToken.class, RefreshTokens.hash(presented),
                LockModeType.PESSIMISTIC_WRITE);
        if (token == null) {
            throw invalid();
        }
        // locked too: a rotation writes the session back (last use), and must neither read it before a revocation
        // commits nor write its stale revoked_at over one; revocations lock the row by updating it
        Session session = em.find(Session.class, token.sessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (!requester.mayUse(session.clientId())) {
            throw invalid();
        }
        User user = em.find(User.class, session.userId());
        RefreshOutcome outcome = RefreshDecision.decide(token, session, user, now, policy, storedTimes.loss(),
                this::lockedSuccessor);
        return switch (outcome.action()) {
            case ROTATE -> rotate(token, session, user, now, client);
            case RETURN_GRACE_SUCCESSOR -> sameSuccessor(token, outcome.successor(), session, user);
            case REJECT_ACCOUNT_DISABLED -> throw Authenticator.accountDisabled();
            case REJECT_INVALID -> throw invalid();
            case REJECT_REUSED -> throw reuse(outcome, session, user, now, client);
        };
    }

    private Optional<RefreshToken> lockedSuccessor(String successorHash) {
        return Optional.ofNullable(em.find(RefreshToken.class, successorHash, LockModeType.PESSIMISTIC_WRITE));
    }

    private IssuedRefreshToken rotate(RefreshToken token, Session session, User user, Instant now,
            ClientInfo client) {
        RefreshTokenFactory.NewRefreshToken successor = RefreshTokenFactory.newToken(session, now, policy);
        em.persist(successor.row());
        String sealed = policy.sealsSuccessors() ? seal.seal(successor.token(), token.tokenHash()) : null;
        token.retire(now, successor.row().tokenHash(), sealed);
        session.used(now, client);
        return new IssuedRefreshToken(user, session.id(), successor.token(), successor.row().expiresAt());
    }

    private IssuedRefreshToken sameSuccessor(RefreshToken retired, RefreshToken successor, Session session,
            User user) {
        String same = seal.open(retired.successorSealed(), retired.tokenHash());
        return new IssuedRefreshToken(user, session.id(), same, successor.expiresAt());
    }

    private static ProblemException reuse(RefreshOutcome outcome, Session session, User user, Instant now,
            ClientInfo client) {
        if (outcome.revokesSession()) {
            session.revoke(now, RevokeReason.REUSE);
            SecurityLog.alert("refresh_token_reused", "session_revoked", user.id(), session.id(),
                    client.ipAddress());
        }
        return reused();
    }

    public static ProblemException invalid() {
        return new ProblemException(ProblemType.REFRESH_TOKEN_INVALID);
    }

    static ProblemException reused() {
        return new ProblemException(ProblemType.REFRESH_TOKEN_REUSED);
    }
}
