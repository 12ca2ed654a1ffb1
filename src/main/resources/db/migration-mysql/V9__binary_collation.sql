-- MySQL and MariaDB only: SchemaMigration adds this location for jdbc:mysql: URLs (H2 compares exactly already).
-- Every comparison Keyturn makes must be exact. A database created with the server's default collation
-- (utf8mb4_general_ci, utf8mb4_unicode_ci, MySQL 8's utf8mb4_0900_ai_ci, MariaDB 11's utf8mb4_uca1400_ai_ci) compares
-- without case and accents: "josé@example.com" was "jose@example.com" (a registration refused as taken, a login by
-- email that found the other account) and a client "CaseConf" answered to "caseconf". Each table is converted to
-- utf8mb4_bin once (MySQL rebuilds it, also where it already was utf8mb4_bin). A column in a foreign key cannot
-- change its collation (MariaDB refuses even with foreign_key_checks off), so the two foreign keys are dropped first
-- and made again, as V1 and V2 made them, once both sides match.
ALTER TABLE refresh_tokens DROP FOREIGN KEY fk_refresh_tokens_session;
ALTER TABLE sessions DROP FOREIGN KEY fk_sessions_user;
ALTER TABLE users CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE sessions CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE refresh_tokens CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE signing_keys CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE secret_keys CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE throttle_counters CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE clients CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE sessions ADD CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE refresh_tokens ADD CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id);
