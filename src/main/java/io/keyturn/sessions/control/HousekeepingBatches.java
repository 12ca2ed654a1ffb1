package io.keyturn.sessions.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.throttling.entity.ThrottleCounter;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;

/**
 * The purge, one bounded batch per short transaction, so it never holds many row locks and never keeps a refresh
 * waiting for long. Each method answers how many rows it handled; zero means nothing is left.
 */
@ApplicationScoped
@RetriedOnConflict
public class HousekeepingBatches {

    @PersistenceContext
    EntityManager em;

    /** Erases sealed successors whose grace window has closed. */
    @Transactional(TxType.REQUIRES_NEW)
    public int unsealRetiredBefore(Instant before, int batchSize) {
        List<String> hashes = em.createNamedQuery(RefreshToken.SEALED_RETIRED_BEFORE, String.class)
                .setParameter("since", Instant.EPOCH).setParameter("before", before).setMaxResults(batchSize)
                .getResultList();
        if (hashes.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(RefreshToken.UNSEAL).setParameter("hashes", hashes).executeUpdate();
    }

    /** Deletes refresh tokens past their own expiry (an expired token is refused whatever it is). */
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteExpiredTokens(Instant now, int batchSize) {
        List<String> hashes = em.createNamedQuery(RefreshToken.EXPIRED, String.class)
                .setParameter("now", now).setMaxResults(batchSize).getResultList();
        if (hashes.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(RefreshToken.DELETE_BY_HASHES).setParameter("hashes", hashes).executeUpdate();
    }

    /** Deletes failed-login counters whose window has passed and that block nothing. */
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteStaleThrottleCounters(Instant now, Instant windowStartedBefore, int batchSize) {
        List<String> subjects = em.createNamedQuery(ThrottleCounter.STALE, String.class)
                .setParameter("before", windowStartedBefore).setParameter("now", now)
                .setMaxResults(batchSize).getResultList();
        if (subjects.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(ThrottleCounter.DELETE).setParameter("subjects", subjects).executeUpdate();
    }

    /** Deletes sessions past their absolute lifetime, or revoked longer ago than the retention, with their tokens. */
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteFinishedSessions(Instant now, Instant revokedBefore, int batchSize) {
        List<String> ids = em.createNamedQuery(Session.FINISHED, String.class)
                .setParameter("now", now).setParameter("revokedBefore", revokedBefore)
                .setMaxResults(batchSize).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNamedQuery(RefreshToken.DELETE_OF_SESSIONS).setParameter("sessionIds", ids).executeUpdate();
        return em.createNamedQuery(Session.DELETE_BY_IDS).setParameter("ids", ids).executeUpdate();
    }
}
