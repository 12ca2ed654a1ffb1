-- Keyturn on MySQL 8 (or MariaDB 10.11+): the database and the account the service connects with.
-- Run once as an administrator, e.g.:  mysql -u root -p < server-config/payara/mysql-setup.sql
-- Replace the password first, and give the same one to Keyturn as keyturn.db.password
-- (environment variable KEYTURN_DB_PASSWORD).
--
-- The tables themselves are created by Keyturn: Flyway applies src/main/resources/db/migration at start-up.

-- utf8mb4 for full Unicode in usernames/emails/user agents; a binary collation so comparisons are exact
-- (Keyturn lower-cases usernames and emails itself, and refresh-token hashes must never compare loosely).
CREATE DATABASE IF NOT EXISTS keyturn CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- '%' allows connections from any host; narrow it (e.g. 'keyturn'@'10.0.%') where you can. On a fresh MariaDB,
-- the anonymous account ''@'localhost' takes precedence over 'keyturn'@'%' for connections from the same host:
-- remove it first (mariadb-secure-installation, or DROP USER ''@'localhost').
CREATE USER IF NOT EXISTS 'keyturn'@'%' IDENTIFIED BY 'change-me-to-a-long-random-password';

-- DML for the service, DDL for Flyway's migrations (CREATE/ALTER/INDEX/DROP/REFERENCES on this database only).
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON keyturn.* TO 'keyturn'@'%';
