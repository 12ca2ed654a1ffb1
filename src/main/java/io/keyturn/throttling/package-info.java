/**
 * Brute-force throttling: counters per account, per client address and per registering address in the database,
 * an attempt reserved under row locks before it is checked, blocks and Retry-After.
 * <p>
 * Uses: database, problems, configuration, audit. Transactions: every change runs in a short transaction of its own
 * ({@code REQUIRES_NEW}): a count must stay although the request that made it fails, and no row lock may be held
 * while a password is hashed.
 */
package io.keyturn.throttling;
