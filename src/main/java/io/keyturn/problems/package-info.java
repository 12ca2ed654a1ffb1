/**
 * Problem details (RFC 9457): the catalogue of every problem code Keyturn answers ({@code entity.ProblemType}), the
 * exception a refusal travels in ({@code entity.ProblemException}), and the mappers and error page that turn every
 * refusal and failure into {@code application/problem+json} ({@code boundary}), and says in the OpenAPI
 * description which of those answers operations share: the outage 503 everywhere, 401 and 403 where a bearer token
 * is needed, 413 where a JSON body is read ({@code boundary.OpenApiCommonAnswers}). Also the refusals every endpoint
 * shares before any resource is matched: {@code Accept} and {@code Content-Type} headers that are no media types
 * ({@code boundary.MediaTypeHeaderCheck}), and the servlets that answer only {@code GET}
 * ({@code boundary.ReadOnlyServlet}: 405 with {@code Allow}).
 * <p>
 * Uses: database (to tell an outage, 503, from a fault, 500). Transactions: none.
 */
package io.keyturn.problems;
