package io.keyturn.oauth.boundary;

import io.keyturn.problems.boundary.ReadOnlyServlet;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /.well-known/openid-configuration} and {@code GET /.well-known/oauth-authorization-server}: the same
 * discovery document ({@link AuthorizationServerMetadata}). Both live at the context root, outside the JAX-RS
 * application, because clients find them by appending the well-known path to the issuer, which is where the WAR is
 * reachable. OpenID Connect clients (Spring Security, Quarkus OIDC, openid-client) ask the first, RFC 8414 clients
 * the second. Cacheable for as long as the JWKS: it changes only with a restart under new settings.
 */
@WebServlet(urlPatterns = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"},
        loadOnStartup = 1)
public class MetadataServlet extends ReadOnlyServlet {

    static final int MAX_AGE_SECONDS = 300;

    @Inject
    AuthorizationServerMetadata metadata;

    /** Builds the document while the application deploys, not at the first client's request. */
    @Override
    public void init() throws ServletException {
        metadata.json();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        response.getWriter().write(metadata.json());
    }
}
