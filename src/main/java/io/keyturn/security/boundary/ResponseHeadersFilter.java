package io.keyturn.security.boundary;

import io.keyturn.security.entity.CorsSettings;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every Keyturn response carries: {@code X-Content-Type-Options: nosniff}; and CORS, which is off unless
 * {@code keyturn.cors.allowed-origins} names the origin exactly. An allowed origin gets credentials (for the refresh
 * cookie) and a preflight answer; any other origin gets no CORS header at all, so the browser refuses it.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ResponseHeadersFilter extends HttpFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Token-Mode, X-Requested-With";
    static final String EXPOSED_HEADERS = "WWW-Authenticate, Retry-After, Location";
    static final int PREFLIGHT_MAX_AGE_SECONDS = 600;

    @Inject
    CorsSettings cors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (cors.enabled()) {
            // every answer depends on the Origin once CORS is on, also one without CORS headers: a shared cache must
            // not hand a stored answer for another origin (or none) to the allowed one, whose browser would refuse it
            response.addHeader("Vary", "Origin");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && cors.allows(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            if ("OPTIONS".equals(request.getMethod())
                    && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", String.valueOf(PREFLIGHT_MAX_AGE_SECONDS));
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        chain.doFilter(request, response);
    }
}
