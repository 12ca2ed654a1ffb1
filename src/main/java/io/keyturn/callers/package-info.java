/**
 * Who is calling and from where: the client address behind a request (through trusted proxies), the device
 * ({@code ClientInfo}), and the caller principal the bearer mechanism established ({@code BearerPrincipal}).
 * <p>
 * Uses: tokens (the verified claims a principal carries). Transactions: none.
 */
package io.keyturn.callers;
