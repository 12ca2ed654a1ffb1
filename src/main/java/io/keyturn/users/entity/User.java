package io.keyturn.users.entity;

import io.keyturn.database.RowIds;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :name")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.PAGE, query = "SELECT u FROM User u ORDER BY u.createdAt, u.id")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = User.RAISE_VERSION, query = "UPDATE User u SET u.version = u.version + 1 WHERE u.id = :id")
public class User {

    public static final String BY_USERNAME = "User.byUsername";
    public static final String BY_EMAIL = "User.byEmail";
    public static final String PAGE = "User.page";
    public static final String COUNT = "User.count";
    /** A write of the row that changes nothing else: a login's, so that Galera orders it (sessions.control.Sessions). */
    public static final String RAISE_VERSION = "User.raiseVersion";

    @Id
    private String id;

    private String username;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Convert(converter = RolesConverter.class)
    private Set<String> roles;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "tokens_valid_after")
    private Instant tokensValidAfter;

    @Version
    private long version;

    protected User() {
        // for JPA
    }

    public User(String username, String email, String passwordHash, Set<String> roles, Instant now) {
        this.id = RowIds.next();
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = new LinkedHashSet<>(roles);
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.tokensValidAfter = now;
    }

    /** Access tokens issued before now are refused in strict mode (logout everywhere, password change, disable). */
    public void revokeAccessTokens(Instant now) {
        this.tokensValidAfter = now;
    }

    public Instant tokensValidAfter() {
        return tokensValidAfter;
    }

    /** A stronger hash of the same password, after the hashing parameters were raised. */
    public void upgradePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }
}
