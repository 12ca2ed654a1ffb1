package io.keyturn.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named symmetric server key shared by all instances through the database. */
@Entity
@Table(name = "secret_keys")
public class SecretKeyEntry {

    @Id
    private String name;

    @Column(name = "key_value")
    private String keyValue;

    @Column(name = "created_at")
    private Instant createdAt;

    protected SecretKeyEntry() {
        // for JPA
    }

    public SecretKeyEntry(String name, String keyValue, Instant createdAt) {
        this.name = name;
        this.keyValue = keyValue;
        this.createdAt = createdAt;
    }

    public String keyValue() {
        return keyValue;
    }
}
