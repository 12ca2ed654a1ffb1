package io.keyturn.security.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JAX-RS runtime's own {@code @RolesAllowed} refusals, answered exactly like the EJB container's. */
public final class JaxRsAccessDeniedMapper {

    private JaxRsAccessDeniedMapper() {
    }

    @Provider
    public static class NotAuthorized implements ExceptionMapper<NotAuthorizedException> {

        @Inject
        SecurityContext security;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(NotAuthorizedException exception) {
            return AccessDeniedMapper.denied(security, request);
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {

        @Inject
        SecurityContext security;

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(ForbiddenException exception) {
            return AccessDeniedMapper.denied(security, request);
        }
    }
}
