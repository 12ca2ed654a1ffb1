package io.keyturn.security.boundary;

import io.keyturn.problems.boundary.ProblemResponses;
import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemType;
import jakarta.ejb.EJBAccessException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A {@code @RolesAllowed} refusal, whether the EJB container or the JAX-RS runtime noticed it first (Payara's
 * MicroProfile JWT filter, and WildFly's RESTEasy with {@code resteasy.role.based.security} in web.xml, check the
 * annotation on a resource before the EJB does), answered as RFC 6750 says: 401 with a challenge when there is no
 * (valid) bearer token, 403 when the caller is known but lacks the role. Unmapped it would be a 500.
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    static final String REALM = "Bearer realm=\"keyturn\"";

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(EJBAccessException exception) {
        return denied(security, request);
    }

    /**
     * 403 for a known caller without the role; otherwise 401 with the RFC 6750 challenge. The servlet request must
     * know the caller too: WildFly's {@code SecurityContext} answers an "anonymous" principal, not null, for an
     * unauthenticated caller (see docs/portability.md).
     */
    static Response denied(SecurityContext security, HttpServletRequest request) {
        if (security.getCallerPrincipal() != null && request.getUserPrincipal() != null) {
            return forbidden();
        }
        return unauthorized(request.getAttribute(BearerAuthenticationMechanism.INVALID_TOKEN) != null);
    }

    static Response forbidden() {
        return ProblemResponses.of(Problem.of(ProblemType.FORBIDDEN)).build();
    }

    public static Response unauthorized(boolean tokenRefused) {
        if (tokenRefused) {
            return ProblemResponses.of(Problem.of(ProblemType.INVALID_TOKEN))
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"")
                    .build();
        }
        return ProblemResponses.of(Problem.of(ProblemType.UNAUTHORIZED))
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                .build();
    }
}
