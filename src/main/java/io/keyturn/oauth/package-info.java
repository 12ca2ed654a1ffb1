/**
 * The standard OAuth 2.0 surface (RFC 6749, 7009, 7662, 8414): discovery metadata, the token, revocation and
 * introspection endpoints, and the registry of client applications, so off-the-shelf resource servers and OAuth
 * clients work with Keyturn by configuration alone.
 * <p>
 * Uses: any component below it. Transactions: as sessions and users (writes {@code @Transactional}).
 */
package io.keyturn.oauth;
