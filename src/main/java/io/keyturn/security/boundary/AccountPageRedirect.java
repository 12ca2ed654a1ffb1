package io.keyturn.security.boundary;

import io.keyturn.problems.boundary.ReadOnlyServlet;
import io.keyturn.tokens.entity.Issuer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /account} without its slash: a permanent redirect to the account page under the configured issuer. Left to
 * the container, the directory redirect is built from the request's {@code Host} header and sent before any of
 * Keyturn's filters run (so without the page's headers); behind a proxy with a path prefix it would also drop the
 * prefix. The page takes no parameters, so a query is not carried over.
 */
@WebServlet("/account")
public class AccountPageRedirect extends ReadOnlyServlet {

    @Inject
    Issuer issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", issuer.resolve("/account/").toString());
    }
}
