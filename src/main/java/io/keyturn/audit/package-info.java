/**
 * The security log: one {@code key=value} line per security event on the logger {@code keyturn.security}; never a
 * password or a token.
 * <p>
 * Uses: nothing of Keyturn. Transactions: none.
 */
package io.keyturn.audit;
