package io.keyturn.users.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.users.entity.PrincipalName;
import io.keyturn.users.entity.PrincipalName.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Who holds which principal name ({@link PrincipalName}): an account claims its username when it is created, a
 * client its id when it is registered, in the same transaction; the name's row is the one place both registrations
 * meet, so a race between them ends in a duplicate key or a wait for the row's lock, never in two principals of one
 * name. A name stays claimed once a principal held it: accounts are never deleted, and a deleted client's access
 * tokens stay valid until they expire, naming it as their {@code upn}; a client may take a client's name again.
 * Its methods join the registration's transaction.
 */
@ApplicationScoped
@RetriedOnConflict
public class PrincipalNames {

    @PersistenceContext
    EntityManager em;

    /** Whether an account or a client holds this name, in any case. */
    public boolean taken(String usernameOrClientId) {
        return em.find(PrincipalName.class, PrincipalName.of(usernameOrClientId)) != null;
    }

    /**
     * Whether an account holds this name: a client of that name is then displaced. Only data from before names were
     * reserved can pair them (an account and a client registered under one name; the V10 migration left the name
     * to the account, whose tokens already carried it).
     */
    public boolean heldByAccount(String clientId) {
        PrincipalName held = em.find(PrincipalName.class, PrincipalName.of(clientId));
        return held != null && held.holder() == Holder.USER;
    }

    /**
     * Claims the name for a new account. Inserted with the account: a claim by a registration still in flight makes
     * that insert wait for it and then fail as a duplicate key, as a taken username does.
     */
    void claimForAccount(String canonicalUsername) {
        em.persist(new PrincipalName(canonicalUsername, Holder.USER));
    }

    /**
     * Claims the name for a client about to be registered, holding its row locked until the registration commits so
     * that a deletion or registration of a client of the same name waits; false if an account holds it. A claim
     * inserted here fails at the registration's flush if another registration claimed the name meanwhile.
     */
    public boolean claimForClient(String clientId) {
        Optional<PrincipalName> held = lockedByName(clientId);
        if (held.isEmpty()) {
            em.persist(new PrincipalName(clientId, Holder.CLIENTS));
            return true;
        }
        return held.get().holder() == Holder.CLIENTS;
    }

    /**
     * Locks the name a client is about to be deleted under, before the client's row, in the order a registration
     * takes them.
     */
    public void lockForDeletion(String clientId) {
        lockedByName(clientId);
    }

    private Optional<PrincipalName> lockedByName(String usernameOrClientId) {
        return Optional.ofNullable(em.find(PrincipalName.class, PrincipalName.of(usernameOrClientId),
                LockModeType.PESSIMISTIC_WRITE));
    }
}
