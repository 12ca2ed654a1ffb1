/**
 * Strict reading of JSON request bodies: one JSON object, no repeated member names, types checked field by field, a
 * size limit, answered as 400/413 problems.
 * <p>
 * Uses: problems, configuration. Transactions: none.
 */
package io.keyturn.json;
