package io.keyturn.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A generated signing key, private part included, shared by every instance through the database. */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.NEWEST_FIRST,
        query = "SELECT k FROM SigningKey k WHERE k.algorithm = :algorithm ORDER BY k.sequenceNo DESC")
public class SigningKey {

    public static final String NEWEST_FIRST = "SigningKey.newestFirst";

    @Id
    private String kid;

    private String algorithm;

    @Column(name = "sequence_no")
    private int sequenceNo;

    private String jwk;

    @Column(name = "created_at")
    private Instant createdAt;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String kid, String algorithm, int sequenceNo, String jwk, Instant createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.sequenceNo = sequenceNo;
        this.jwk = jwk;
        this.createdAt = createdAt;
    }

    public String kid() {
        return kid;
    }

    public String jwk() {
        return jwk;
    }

    public int sequenceNo() {
        return sequenceNo;
    }

    public String algorithm() {
        return algorithm;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
