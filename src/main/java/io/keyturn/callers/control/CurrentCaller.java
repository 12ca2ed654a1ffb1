package io.keyturn.callers.control;

import io.keyturn.callers.entity.BearerPrincipal;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/** The bearer of the current request's access token, as the authentication mechanism recognised it. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    public BearerPrincipal principal() {
        return security.getPrincipalsByType(BearerPrincipal.class).stream()
                .findFirst()
                .orElseThrow(() -> new EJBAccessException("no bearer token"));
    }
}
