/**
 * Problem details (RFC 9457): the catalogue of every problem code Keyturn answers ({@code entity.ProblemType}), the
 * exception a refusal travels in ({@code entity.ProblemException}), and the mappers and error page that turn every
 * refusal and failure into {@code application/problem+json} ({@code boundary}), and says in the OpenAPI
 * description that every operation may answer the outage 503 ({@code boundary.OpenApiOutageResponses}).
 * <p>
 * Uses: database (to tell an outage, 503, from a fault, 500). Transactions: none.
 */
package io.keyturn.problems;
