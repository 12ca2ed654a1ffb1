package io.keyturn.tokens.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.tokens.entity.SecretKeyEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

/** The rows of {@code secret_keys}; {@link SharedSecrets} hands out their values. */
@ApplicationScoped
@RetriedOnConflict
public class SecretKeyStore {

    @PersistenceContext
    EntityManager em;

    /**
     * In a transaction of its own: inside a caller's REPEATABLE READ transaction (MySQL's default) a read after another
     * instance's insert, or after our own insert in its own transaction, would still see the older snapshot.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<SecretKeyEntry> byName(String name) {
        return Optional.ofNullable(em.find(SecretKeyEntry.class, name));
    }

    /** In a transaction of its own: losing the race to another instance must not fail the caller's. */
    @Transactional(TxType.REQUIRES_NEW)
    public void add(SecretKeyEntry entry) {
        em.persist(entry);
        em.flush(); // a lost race fails here, as a duplicate key, not at commit where its cause is lost
    }
}
