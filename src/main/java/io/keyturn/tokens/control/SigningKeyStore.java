package io.keyturn.tokens.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.tokens.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

@ApplicationScoped
@RetriedOnConflict
public class SigningKeyStore {

    @PersistenceContext
    EntityManager em;

    /**
     * Every stored key of the algorithm, the newest (highest sequence number) first. In a transaction of its own:
     * inside a caller's REPEATABLE READ transaction (MySQL's default) a re-read would not see a key another
     * instance has stored since.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<SigningKey> newestFirst(SigningAlgorithm algorithm) {
        return em.createNamedQuery(SigningKey.NEWEST_FIRST, SigningKey.class)
                .setParameter("algorithm", algorithm.jwsName())
                .getResultList();
    }

    /** In a transaction of its own: losing the unique-slot race to another instance must not fail the caller's. */
    @Transactional(TxType.REQUIRES_NEW)
    public void add(SigningKey key) {
        em.persist(key);
        em.flush(); // a lost race fails here, as a duplicate key, not at commit where its cause is lost
    }
}
