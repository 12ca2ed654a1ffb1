package io.keyturn.oauth.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.oauth.entity.Client;
import io.keyturn.oauth.entity.NewClientSecret;
import io.keyturn.oauth.entity.RegisteredClient;
import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.sessions.control.Sessions;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.database.WriteConflicts;
import io.keyturn.users.control.PrincipalNames;
import io.keyturn.users.entity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of OAuth clients the administrators keep: register (a confidential client gets a secret, shown once),
 * list, give a new secret, delete (its sessions are revoked with it). Every change is a security event; no secret is
 * ever logged or stored, only its hash.
 */
@ApplicationScoped
@RetriedOnConflict
public class ClientRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    /** A client's id and an account's username are both upn and preferred_username: one name, one principal. */
    @Inject
    PrincipalNames names;

    @Transactional
    public RegisteredClient register(String clientId, boolean confidential, Set<String> roles, String adminUserId,
            String address) {
        if (!ClientIds.valid(clientId)) {
            throw new InvalidFieldsException(new Problem.FieldError("clientId",
                    "must be 1 to " + ClientIds.MAX_LENGTH + " characters from A-Z, a-z, 0-9, '.', '_' and '-'"));
        }
        String rolesProblem = ClientIds.rolesProblem(roles);
        if (rolesProblem != null) {
            throw new InvalidFieldsException(new Problem.FieldError("roles", rolesProblem));
        }
        if (!confidential && !roles.isEmpty()) {
            // roles travel only in client-credentials tokens, which only a confidential client can get
            throw new InvalidFieldsException(new Problem.FieldError("roles", "only a confidential client has roles"));
        }
        // the name first (an account may hold it), then the client's own row, in the order a deletion locks them
        if (!names.claimForClient(clientId) || em.find(Client.class, clientId) != null) {
            throw new ProblemException(ProblemType.CLIENT_EXISTS);
        }
        String secret = confidential ? ClientSecrets.newSecret() : null;
        Client client = new Client(clientId, confidential, roles, secret == null ? null : ClientSecrets.hash(secret),
                clock.instant());
        em.persist(client);
        try {
            em.flush(); // a concurrent registration of the name fails here, inside this request
        } catch (PersistenceException raceLost) {
            if (WriteConflicts.causedBy(raceLost)) {
                throw raceLost; // run again (RetriedOnConflict), and then see what the other registration made
            }
            // an account, or a client of the same name in any case, claimed it between our look and our insert: the
            // second of two clients differing only in case registered in the same instant is refused too
            throw new ProblemException(ProblemType.CLIENT_EXISTS);
        }
        SecurityLog.event("client_registered", (confidential ? "confidential" : "public") + " client_id="
                + clientId, adminUserId, null, address);
        return RegisteredClient.of(client, secret);
    }

    @Transactional
    public List<Client> all() {
        return em.createNamedQuery(Client.ALL, Client.class).getResultList();
    }

    /**
     * The registered client with exactly this id: case counts (H2 compares exactly, and MySQL's tables are converted
     * to a binary collation by migration V9, so a server whose default collation ignores case changes nothing).
     */
    @Transactional
    public Optional<Client> find(String clientId) {
        if (!ClientIds.valid(clientId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Client.class, clientId));
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    @Transactional
    public NewClientSecret newSecret(String clientId, String adminUserId, String address) {
        Client client = locked(clientId);
        if (!client.confidential()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "A public client has no secret");
        }
        String secret = ClientSecrets.newSecret();
        client.replaceSecret(ClientSecrets.hash(secret));
        SecurityLog.event("client_secret_rotated", "rotated client_id=" + clientId, adminUserId, null, address);
        return new NewClientSecret(clientId, secret);
    }

    /**
     * Deletes the client and revokes every session it opened, in one transaction. Its name stays a client's: the
     * client's access tokens stay valid until they expire wherever they are verified against the JWKS alone, and
     * they carry the name as {@code upn}, so an account of that name would be the same principal to such a
     * resource server. A client may be registered under the name again.
     */
    @Transactional
    public void delete(String clientId, String adminUserId, String address) {
        if (ClientIds.valid(clientId)) {
            names.lockForDeletion(clientId); // locked before the client's row, in the order a registration takes them
        }
        Client client = locked(clientId);
        em.remove(client);
        sessions.revokeAllOfClient(clientId, RevokeReason.CLIENT_DELETED, address);
        SecurityLog.event("client_deleted", "deleted client_id=" + clientId, adminUserId, null, address);
    }

    private Client locked(String clientId) {
        return Optional.ofNullable(ClientIds.valid(clientId)
                        ? em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE) : null)
                .filter(client -> client.clientId().equals(clientId))
                .orElseThrow(() -> new ProblemException(ProblemType.CLIENT_NOT_FOUND));
    }
}
