package io.keyturn.security.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Cache-Control: no-store} on every answer under {@code /api} that does not choose its own caching: most carry
 * personal data or tokens ({@code /api/me}, sessions, admin views, token responses), and a shared cache or the
 * browser's disk must not keep them. An answer that sets Cache-Control itself keeps it.
 */
@Provider
public class NoStoreResponseFilter implements ContainerResponseFilter {

    static final String NO_STORE = "no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
