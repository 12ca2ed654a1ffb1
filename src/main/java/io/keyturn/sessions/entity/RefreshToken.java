package io.keyturn.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One refresh token of a session, known only by its hash. A token is live until it is retired by the refresh that
 * issued its successor; a retired token keeps a pointer to that successor (and, for the grace window only, the
 * sealed successor itself) so a retry can be answered with the same successor and a late replay can be recognised
 * as reuse.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = RefreshToken.LIVE_OF_SESSION, query = "SELECT COUNT(t) FROM RefreshToken t "
        + "WHERE t.sessionId = :sessionId AND t.retiredAt IS NULL")
@NamedQuery(name = RefreshToken.EXPIRED, query = "SELECT t.tokenHash FROM RefreshToken t WHERE t.expiresAt < :now")
@NamedQuery(name = RefreshToken.DELETE_BY_HASHES, query = "DELETE FROM RefreshToken t "
        + "WHERE t.tokenHash IN :hashes")
@NamedQuery(name = RefreshToken.DELETE_OF_SESSIONS, query = "DELETE FROM RefreshToken t "
        + "WHERE t.sessionId IN :sessionIds")
// the lower bound keeps H2 from walking the index's NULL entries (every token without a sealed successor) first
@NamedQuery(name = RefreshToken.SEALED_RETIRED_BEFORE, query = "SELECT t.tokenHash FROM RefreshToken t "
        + "WHERE t.sealedAt >= :since AND t.sealedAt < :before")
@NamedQuery(name = RefreshToken.UNSEAL, query = "UPDATE RefreshToken t SET t.successorSealed = NULL, "
        + "t.sealedAt = NULL WHERE t.tokenHash IN :hashes")
public class RefreshToken {

    public static final String LIVE_OF_SESSION = "RefreshToken.liveOfSession";
    public static final String EXPIRED = "RefreshToken.expired";
    public static final String DELETE_BY_HASHES = "RefreshToken.deleteByHashes";
    public static final String DELETE_OF_SESSIONS = "RefreshToken.deleteOfSessions";
    public static final String SEALED_RETIRED_BEFORE = "RefreshToken.sealedRetiredBefore";
    public static final String UNSEAL = "RefreshToken.unseal";

    // CHAR(64): lower-case hex of SHA-256, fixed length
    @Id
    @Column(name = "token_hash", length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String tokenHash;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "successor_hash", length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String successorHash;

    @Column(name = "successor_sealed")
    private String successorSealed;

    /** When the sealed successor was stored (the retirement), while it is kept; NULL otherwise (see V7). */
    @Column(name = "sealed_at")
    private Instant sealedAt;

    protected RefreshToken() {
        // for JPA
    }

    public RefreshToken(String tokenHash, String sessionId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.sessionId = sessionId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public void retire(Instant now, String successorHash, String successorSealed) {
        this.retiredAt = now;
        this.successorHash = successorHash;
        this.successorSealed = successorSealed;
        this.sealedAt = successorSealed == null ? null : now;
    }

    public boolean live() {
        return retiredAt == null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public String successorHash() {
        return successorHash;
    }

    public String successorSealed() {
        return successorSealed;
    }
}
