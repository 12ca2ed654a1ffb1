/**
 * The database: the one pooled data source every component uses ({@code java:app/jdbc/keyturn}, from
 * {@code keyturn.db.*}), the schema migrations (Flyway, {@code db/migration}) run before the persistence unit
 * starts, the readiness check, telling an outage apart from a fault, and running a transaction that lost a write
 * conflict again ({@code RetriedOnConflict}: a deadlock, or a Galera certification failure; see docs/scaling.md).
 * <p>
 * Uses: nothing of Keyturn. Transactions: none of its own; it supplies connections, and its retry interceptor wraps
 * the transactions of the components that are {@code @RetriedOnConflict} from outside.
 */
package io.keyturn.database;
