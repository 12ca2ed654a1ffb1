package io.keyturn.sessions.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.sessions.entity.IssuedRefreshToken;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import io.keyturn.sessions.entity.SessionView;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Opens, lists and ends sessions. Rotation lives in {@link RefreshTokenRotation}. */
@ApplicationScoped
@RetriedOnConflict
public class Sessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    SessionRepository sessions;

    @Inject
    RefreshPolicy policy;

    @Inject
    SessionCap cap;

    @Inject
    Clock clock;

    /** A login: a new session with its first refresh token, in one transaction. */
    @Transactional
    public IssuedRefreshToken open(User user, ClientInfo client) {
        return open(user, client, null);
    }

    /** A login through an OAuth client: the session remembers its {@code client_id} (null: no client). */
    @Transactional
    public IssuedRefreshToken open(User user, ClientInfo client, String clientId) {
        Instant now = clock.instant();
        lockStillAsChecked(user, client);
        makeRoomForOneMore(user.id(), now, client);
        Session session = new Session(user.id(), client, now, policy.sessionExpiresAt(now), clientId);
        sessions.add(session);
        RefreshTokenFactory.NewRefreshToken first = RefreshTokenFactory.newToken(session, now, policy);
        em.persist(first.row());
        SecurityLog.event("login", "session_opened", user.id(), session.id(), client.ipAddress());
        return new IssuedRefreshToken(user, session.id(), first.token(), first.row().expiresAt());
    }

    /**
     * Locks the user's row and refuses the session when the account is no longer what the password check saw. The
     * check runs outside any transaction (the hash takes tens of milliseconds, see Authenticator), so a password change
     * or a disable can commit between the check and this point: a session opened with the old password after the
     * change had ended every session, or for an account already disabled, would outlive what was meant to end it. The
     * lock orders this against those writes, which lock the same row. The hash tells a changed password (a new salt
     * every time), not {@code passwordChangedAt}: a database that keeps whole seconds (MariaDB before 11) shows a
     * change in the second of the previous one as no change. A hash upgraded by another login in that instant (the
     * first logins after the Argon2 parameters were raised) was checked again by Authenticator, which then hands over
     * the user as stored now. The login then writes the row too ({@link #writeTheUsersRow}), for databases whose
     * locks do not reach every node.
     */
    private void lockStillAsChecked(User checked, ClientInfo client) {
        User current = em.find(User.class, checked.id(), LockModeType.PESSIMISTIC_WRITE);
        if (current == null || !Objects.equals(current.passwordHash(), checked.passwordHash())) {
            SecurityLog.event("login", "password_changed_meanwhile", checked.id(), null, client.ipAddress());
            throw Authenticator.invalidCredentials();
        }
        if (!current.enabled()) {
            SecurityLog.event("login", "account_disabled", checked.id(), null, client.ipAddress());
            throw Authenticator.accountDisabled();
        }
        writeTheUsersRow(checked.id());
    }

    /**
     * On Galera the lock above holds on its own node only, and certification compares only the rows two transactions
     * wrote: a login that merely read its user's row would commit beside a password change or a disable on another
     * node, and its session would outlive them. Raising the row's version makes the login a writer of that row, so one
     * of the two fails certification and runs again (RetriedOnConflict), and then sees the other. The user stays
     * managed with its old version; nothing else in this transaction changes it. Not {@code PESSIMISTIC_FORCE_INCREMENT}:
     * Hibernate issues that as {@code FOR UPDATE NOWAIT}, which fails concurrent logins of one user at once.
     */
    private void writeTheUsersRow(String userId) {
        em.createNamedQuery(User.RAISE_VERSION).setParameter("id", userId).executeUpdate();
    }

    /**
     * Keeps a user within {@code keyturn.sessions.max-per-user} live sessions: before a new one opens, the least
     * recently used beyond the cap less one are revoked. The user's row is locked first ({@link #lockStillAsChecked}),
     * so logins of one user arriving together are counted one after the other and the cap holds under bursts.
     */
    private void makeRoomForOneMore(String userId, Instant now, ClientInfo client) {
        for (Session surplus : sessions.activeOf(userId, now, cap.maxPerUser() - 1)) {
            surplus.revoke(now, RevokeReason.SESSION_LIMIT);
            SecurityLog.event("session_revoked", "session_limit", userId, surplus.id(), client.ipAddress());
        }
    }

    /** Logout with a refresh token: ends its session. Unknown tokens are ignored, so logout is idempotent. */
    @Transactional
    public void logout(String refreshToken, ClientInfo client) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            return;
        }
        Optional.ofNullable(em.find(RefreshToken.class, RefreshTokens.hash(refreshToken)))
                .flatMap(token -> sessions.byId(token.sessionId()))
                .filter(session -> session.revokedAt() == null)
                .ifPresent(session -> {
                    session.revoke(clock.instant(), RevokeReason.LOGOUT);
                    writtenBeforeLogging();
                    SecurityLog.event("logout", "session_revoked", session.userId(), session.id(),
                            client.ipAddress());
                });
    }

    /**
     * Sends the change now rather than at commit, so that a lock it waits for in vain fails the request before the
     * security log says the session ended.
     */
    private void writtenBeforeLogging() {
        em.flush();
    }

    /** The user's live sessions as the user and administrators see them; {@code current} marks that one. */
    @Transactional
    public List<SessionView> viewsOf(String userId, String currentSessionId) {
        return sessions.activeOf(userId, clock.instant()).stream()
                .map(session -> SessionView.of(session, currentSessionId, policy)).toList();
    }

    @Transactional
    public Optional<Session> byId(String sessionId) {
        return sessions.byId(sessionId);
    }

    /**
     * Ends one session; returns false when there is no such session or it belongs to someone else. The security log
     * names who did it ({@code by=}, a user id).
     */
    @Transactional
    public boolean revoke(String sessionId, Optional<String> requiredOwner, RevokeReason reason, String byUserId,
            String client) {
        Optional<Session> found = sessions.byId(sessionId)
                .filter(session -> requiredOwner.map(session.userId()::equals).orElse(true));
        found.filter(session -> session.revokedAt() == null).ifPresent(session -> {
            session.revoke(clock.instant(), reason);
            writtenBeforeLogging();
            SecurityLog.event("session_revoked", outcome(reason, byUserId), session.userId(), session.id(),
                    client);
        });
        return found.isPresent();
    }

    /** Ends every session of the user; {@code byUserId} who did it, null when it follows from another event. */
    @Transactional
    public int revokeAllOf(String userId, RevokeReason reason, String byUserId, String client) {
        int revoked = sessions.revokeAllOf(userId, reason, clock.instant());
        SecurityLog.event("sessions_revoked", outcome(reason, byUserId) + " count=" + revoked, userId, null,
                client);
        return revoked;
    }

    private static String outcome(RevokeReason reason, String byUserId) {
        String name = reason.name().toLowerCase();
        return byUserId == null ? name : name + " by=" + byUserId;
    }

    @Transactional
    public int revokeOthersOf(String userId, String keepSessionId, RevokeReason reason, String client) {
        int revoked = sessions.revokeOthersOf(userId, keepSessionId, reason, clock.instant());
        SecurityLog.event("sessions_revoked", reason.name().toLowerCase() + " count=" + revoked, userId,
                keepSessionId, client);
        return revoked;
    }

    /** Every session a client opened (the client was deleted). */
    @Transactional
    public int revokeAllOfClient(String clientId, RevokeReason reason, String client) {
        int revoked = sessions.revokeAllOfClient(clientId, reason, clock.instant());
        SecurityLog.event("sessions_revoked", reason.name().toLowerCase() + " client_id=" + clientId + " count="
                + revoked, null, null, client);
        return revoked;
    }
}
