-- Refresh tokens: only the SHA-256 of each token is stored (hex, so MySQL's case-insensitive collations
-- cannot make two hashes collide). The primary key is the hash itself: a lookup is one unique-index probe.
CREATE TABLE refresh_tokens (
    token_hash       CHAR(64)     NOT NULL,
    session_id       VARCHAR(36)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    retired_at       DATETIME(6),
    successor_hash   CHAR(64),
    -- the successor token, AES-GCM sealed, kept only while the grace window is open (see docs/sessions.md)
    successor_sealed VARCHAR(255),
    CONSTRAINT pk_refresh_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id)
);
CREATE INDEX ix_refresh_tokens_session ON refresh_tokens (session_id);
CREATE INDEX ix_refresh_tokens_expires ON refresh_tokens (expires_at);
CREATE INDEX ix_refresh_tokens_retired ON refresh_tokens (retired_at);

-- Housekeeping finds finished sessions by these.
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
CREATE INDEX ix_sessions_revoked ON sessions (revoked_at);

-- Server-side symmetric keys shared by all instances (e.g. the key that seals successors for the grace window).
CREATE TABLE secret_keys (
    name       VARCHAR(64)  NOT NULL,
    key_value  VARCHAR(255) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_secret_keys PRIMARY KEY (name)
);
