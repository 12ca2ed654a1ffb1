package io.keyturn.sessions.entity;

import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.database.RowIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One login on one device: a family of refresh tokens with a stable id, the {@code sid} of its access tokens. */
@Entity
@Table(name = "sessions")
@NamedQuery(name = Session.ACTIVE_OF_USER, query = "SELECT s FROM Session s WHERE s.userId = :userId "
        + "AND s.revokedAt IS NULL AND s.expiresAt > :now AND s.lastUsedAt > :idleSince ORDER BY s.lastUsedAt DESC")
@NamedQuery(name = Session.REVOKE_ALL_OF_USER, query = "UPDATE Session s SET s.revokedAt = :now, "
        + "s.revokeReason = :reason WHERE s.userId = :userId AND s.revokedAt IS NULL")
@NamedQuery(name = Session.REVOKE_OTHERS_OF_USER, query = "UPDATE Session s SET s.revokedAt = :now, "
        + "s.revokeReason = :reason WHERE s.userId = :userId AND s.id <> :keep AND s.revokedAt IS NULL")
@NamedQuery(name = Session.REVOKE_ALL_OF_CLIENT, query = "UPDATE Session s SET s.revokedAt = :now, "
        + "s.revokeReason = :reason WHERE s.clientId = :clientId AND s.revokedAt IS NULL")
@NamedQuery(name = Session.FINISHED, query = "SELECT s.id FROM Session s WHERE s.expiresAt < :now "
        + "OR s.revokedAt < :revokedBefore")
@NamedQuery(name = Session.DELETE_BY_IDS, query = "DELETE FROM Session s WHERE s.id IN :ids")
public class Session {

    public static final String ACTIVE_OF_USER = "Session.activeOfUser";
    public static final String REVOKE_ALL_OF_USER = "Session.revokeAllOfUser";
    public static final String REVOKE_OTHERS_OF_USER = "Session.revokeOthersOfUser";
    public static final String REVOKE_ALL_OF_CLIENT = "Session.revokeAllOfClient";
    public static final String FINISHED = "Session.finished";
    public static final String DELETE_BY_IDS = "Session.deleteByIds";

    private static final int MAX_USER_AGENT = 512;

    @Id
    private String id;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ip_address")
    private String ipAddress;

    /** The OAuth client that opened it; null for a first-party login or registration (no client). */
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private RevokeReason revokeReason;

    protected Session() {
        // for JPA
    }

    public Session(String userId, ClientInfo client, Instant now, Instant expiresAt) {
        this(userId, client, now, expiresAt, null);
    }

    /** @param clientId the OAuth {@code client_id} that opens it, or null for a first-party login */
    public Session(String userId, ClientInfo client, Instant now, Instant expiresAt, String clientId) {
        this.clientId = clientId;
        this.id = RowIds.next();
        this.userId = userId;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = expiresAt;
        this.userAgent = client.userAgent() == null ? null
                : client.userAgent().substring(0, Math.min(MAX_USER_AGENT, client.userAgent().length()));
        this.ipAddress = client.ipAddress();
    }

    public void used(Instant now, ClientInfo client) {
        this.lastUsedAt = now;
        this.ipAddress = client.ipAddress();
    }

    public void revoke(Instant now, RevokeReason reason) {
        if (revokedAt == null) {
            this.revokedAt = now;
            this.revokeReason = reason;
        }
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String clientId() {
        return clientId;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public RevokeReason revokeReason() {
        return revokeReason;
    }
}
