-- Housekeeping erases a retired token's sealed successor once the grace window has closed. It used to find those
-- rows by retired_at, an index of every retired token, the many already erased included (they stay until they
-- expire), so each batch walked past all of them. sealed_at is the retirement time while a sealed successor is
-- kept and NULL otherwise: its index leads straight to the rows still to be erased.
ALTER TABLE refresh_tokens ADD COLUMN sealed_at DATETIME(6);
UPDATE refresh_tokens SET sealed_at = retired_at WHERE successor_sealed IS NOT NULL;
CREATE INDEX ix_refresh_tokens_sealed ON refresh_tokens (sealed_at);
DROP INDEX ix_refresh_tokens_retired ON refresh_tokens;
