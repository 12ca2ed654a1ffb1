-- The administrators' user list pages by (created_at, id): an index walk instead of a sort of the whole table.
CREATE INDEX ix_users_created ON users (created_at, id);
