package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.SecretKeyEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** Named symmetric keys the instances share through the database (e.g. the key that seals grace successors). */
@ApplicationScoped
public class SecretKeyStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The value of the named key; the first instance to need it stores {@code candidate}'s, the others read it. */
    public String valueOf(String name, Supplier<String> candidate) {
        return byName(name).map(SecretKeyEntry::keyValue).orElseGet(() -> FirstWriteWins.insertThenRead(
                "the secret key " + name, () -> add(new SecretKeyEntry(name, candidate.get(), clock.instant())),
                () -> byName(name).map(SecretKeyEntry::keyValue)));
    }

    @Transactional
    public Optional<SecretKeyEntry> byName(String name) {
        return Optional.ofNullable(em.find(SecretKeyEntry.class, name));
    }

    /** In a transaction of its own: losing the race to another instance must not fail the caller's. */
    @Transactional(TxType.REQUIRES_NEW)
    public void add(SecretKeyEntry entry) {
        em.persist(entry);
    }
}
