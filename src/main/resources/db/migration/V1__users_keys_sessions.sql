-- Portable SQL: runs unchanged on the embedded H2 and on MySQL/MariaDB.
-- Times are UTC (hibernate.jdbc.time_zone=UTC), DATETIME(6) so MySQL has no 2038 limit.

CREATE TABLE users (
    id                  VARCHAR(36)  NOT NULL,
    username            VARCHAR(64)  NOT NULL,
    email               VARCHAR(254) NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    roles               VARCHAR(255) NOT NULL,
    enabled             BOOLEAN      NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    password_changed_at DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT ux_users_username UNIQUE (username),
    CONSTRAINT ux_users_email UNIQUE (email)
);

-- Generated signing keys; the highest sequence_no of the configured algorithm signs.
-- The unique slot makes two instances that start together agree on one key.
CREATE TABLE signing_keys (
    kid         VARCHAR(64)   NOT NULL,
    algorithm   VARCHAR(16)   NOT NULL,
    sequence_no INT           NOT NULL,
    jwk         VARCHAR(8000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_signing_keys PRIMARY KEY (kid),
    CONSTRAINT ux_signing_keys_slot UNIQUE (algorithm, sequence_no)
);

-- One login = one session (a refresh-token family).
CREATE TABLE sessions (
    id            VARCHAR(36)  NOT NULL,
    user_id       VARCHAR(36)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    user_agent    VARCHAR(512),
    ip_address    VARCHAR(45),
    revoked_at    DATETIME(6),
    revoke_reason VARCHAR(32),
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_sessions_user ON sessions (user_id, revoked_at);
