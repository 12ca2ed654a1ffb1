-- The names access tokens give as upn and preferred_username: an account's username or an OAuth client's id, in
-- lower case, with who holds it (USER: one account; CLIENTS: one or more clients whose ids differ only in case).
-- Both registrations insert or lock the name's row in their transaction, so a user and a client can no longer take
-- one name in the same instant. Portable SQL (H2 and MySQL/MariaDB); names are ASCII by the rules of both.
CREATE TABLE principal_names (
    name   VARCHAR(64) NOT NULL,
    holder VARCHAR(8)  NOT NULL,
    CONSTRAINT pk_principal_names PRIMARY KEY (name)
);

-- Usernames are stored in canonical (lower) case already. A client whose name an account took in the instant this
-- table closes (possible before it) leaves the name to the account, as the account's tokens already had it.
-- (The clients are compared with users, not with this table: on MySQL the new table has the database's default
-- collation until V11 converts it, and MySQL refuses to compare two columns of different collations.)
INSERT INTO principal_names (name, holder) SELECT username, 'USER' FROM users;
INSERT INTO principal_names (name, holder)
    SELECT DISTINCT LOWER(c.client_id), 'CLIENTS' FROM clients c
    WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = LOWER(c.client_id));
