package io.keyturn.sessions.control;

import io.keyturn.database.RowIds;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SessionRepository {

    @PersistenceContext
    EntityManager em;

    @Inject
    RefreshPolicy policy;

    public void add(Session session) {
        em.persist(session);
    }

    public Optional<Session> byId(String id) {
        if (!RowIds.wellFormed(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Session.class, id));
    }

    /**
     * The user's live sessions, most recently used first: not revoked, not past their absolute end, and used within
     * the idle lifetime (a session's live refresh token was issued at its last use and dies idle after that).
     */
    public List<Session> activeOf(String userId, Instant now) {
        return activeOf(userId, now, 0);
    }

    /** The active sessions of a user after the {@code skip} most recently used ones. */
    public List<Session> activeOf(String userId, Instant now, int skip) {
        return em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .setParameter("idleSince", now.minus(policy.idleTtl()))
                .setFirstResult(skip)
                .getResultList();
    }

    public int revokeAllOf(String userId, RevokeReason reason, Instant now) {
        return em.createNamedQuery(Session.REVOKE_ALL_OF_USER)
                .setParameter("userId", userId).setParameter("reason", reason).setParameter("now", now)
                .executeUpdate();
    }

    public int revokeOthersOf(String userId, String keepSessionId, RevokeReason reason, Instant now) {
        return em.createNamedQuery(Session.REVOKE_OTHERS_OF_USER)
                .setParameter("userId", userId).setParameter("keep", keepSessionId)
                .setParameter("reason", reason).setParameter("now", now)
                .executeUpdate();
    }

    public int revokeAllOfClient(String clientId, RevokeReason reason, Instant now) {
        return em.createNamedQuery(Session.REVOKE_ALL_OF_CLIENT)
                .setParameter("clientId", clientId).setParameter("reason", reason).setParameter("now", now)
                .executeUpdate();
    }
}
