/**
 * The database: the one pooled data source every component uses ({@code java:app/jdbc/keyturn}, from
 * {@code keyturn.db.*}), the schema migrations (Flyway, {@code db/migration}) run before the persistence unit
 * starts, the readiness check, and telling an outage apart from a fault.
 * <p>
 * Uses: nothing of Keyturn. Transactions: none of its own; it only supplies connections.
 */
package io.keyturn.database;
