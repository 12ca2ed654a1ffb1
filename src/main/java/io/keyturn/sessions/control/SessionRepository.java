package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SessionRepository {

    @PersistenceContext
    EntityManager em;

    public void add(Session session) {
        em.persist(session);
    }

    public Optional<Session> byId(String id) {
        return Optional.ofNullable(em.find(Session.class, id));
    }

    public List<Session> activeOf(String userId, Instant now) {
        return em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .getResultList();
    }

    /** The active sessions of a user after the {@code skip} most recently used ones. */
    public List<Session> activeOf(String userId, Instant now, int skip) {
        return em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
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
