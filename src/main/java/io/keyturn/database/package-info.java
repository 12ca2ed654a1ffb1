/**
 * The database: the one pooled data source every component uses ({@code java:app/jdbc/keyturn}, from
 * {@code keyturn.db.*}, with bounded waits for a server that stops answering), the schema migrations (Flyway,
 * {@code db/migration}, and {@code db/migration-mysql} on MySQL and MariaDB) run before the persistence unit starts,
 * the readiness check, the form of the ids accounts and sessions get ({@code RowIds}), how finely the database
 * keeps times, telling an outage apart from a fault, and running a transaction that lost a write conflict again
 * ({@code RetriedOnConflict}: a deadlock, or a Galera certification failure; see docs/scaling.md).
 * <p>
 * Uses: nothing of Keyturn. Transactions: none of its own; it supplies connections, and its retry interceptor wraps
 * the transactions of the components that are {@code @RetriedOnConflict} from outside.
 */
package io.keyturn.database;
