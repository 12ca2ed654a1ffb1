package io.keyturn.security.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers of Keyturn's own web pages: the account page under {@code /account/} and the browser module
 * {@code /keyturn.js} it imports (docs/clients.md). A strict Content-Security-Policy (scripts, styles and calls from
 * this origin only, no inline script or style, no framing, no {@code <base>}), no referrer, and revalidation on
 * every load ({@code Cache-Control: no-cache}: the files have no versioned names, so a new deployment must be seen at
 * once; the container's ETag / Last-Modified make the check cheap).
 */
@WebFilter(urlPatterns = {"/account/*", "/keyturn.js"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ContentSecurityPolicyFilter extends HttpFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
