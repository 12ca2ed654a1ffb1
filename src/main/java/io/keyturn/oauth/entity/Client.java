package io.keyturn.oauth.entity;

import io.keyturn.users.entity.RolesConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A registered OAuth 2.0 client. A confidential one holds the SHA-256 of its secret (never the secret); a public one
 * holds none. Registering a public client is optional: an unregistered {@code client_id} is a public client too.
 */
@Entity
@Table(name = "clients")
@NamedQuery(name = Client.ALL, query = "SELECT c FROM Client c ORDER BY c.createdAt, c.clientId")
public class Client {

    public static final String ALL = "Client.all";
    /** Clients whose id is this lower-case name, whatever its case. */

    @Id
    @Column(name = "client_id")
    private String clientId;

    private boolean confidential;

    @Convert(converter = RolesConverter.class)
    private Set<String> roles;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Client() {
        // for JPA
    }

    public Client(String clientId, boolean confidential, Set<String> roles, String secretHash, Instant createdAt) {
        this.clientId = clientId;
        this.confidential = confidential;
        this.roles = new LinkedHashSet<>(roles);
        this.secretHash = secretHash;
        this.createdAt = createdAt;
    }

    /** A new secret: the old one stops working when this commits. */
    public void replaceSecret(String newSecretHash) {
        this.secretHash = newSecretHash;
    }

    public String clientId() {
        return clientId;
    }

    public boolean confidential() {
        return confidential;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
