-- OAuth 2.0 clients (RFC 6749 §2) registered by an administrator. Portable SQL (H2 and MySQL/MariaDB).
-- A confidential client has a secret; only the SHA-256 (hex) of it is stored: the secret is 256 random bits,
-- so a fast hash is enough (as for refresh tokens). A public client has none and need not be registered at all.
CREATE TABLE clients (
    client_id    VARCHAR(64)  NOT NULL,
    confidential BOOLEAN      NOT NULL,
    roles        VARCHAR(255) NOT NULL,
    secret_hash  VARCHAR(64),
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_clients PRIMARY KEY (client_id)
);

-- A session remembers the client_id that opened it (null: /api/auth/login or registration, no client).
-- No foreign key: a public client_id need not be registered.
ALTER TABLE sessions ADD COLUMN client_id VARCHAR(64);
CREATE INDEX ix_sessions_client ON sessions (client_id, revoked_at);
