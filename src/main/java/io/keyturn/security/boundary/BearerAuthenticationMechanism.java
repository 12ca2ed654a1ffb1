package io.keyturn.security.boundary;

import io.keyturn.security.control.AccessTokenRevocations;
import io.keyturn.security.entity.StrictModeSettings;
import io.keyturn.audit.control.SecurityLog;
import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.entity.BearerPrincipal;
import io.keyturn.tokens.control.AccessTokenValidator;
import io.keyturn.tokens.control.InvalidTokenException;
import io.keyturn.tokens.entity.VerifiedClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RFC 6750 bearer authentication, stateless: the access token is verified from memory on every request, no HTTP
 * session is created and the database is not read (in strict mode, see {@link AccessTokenRevocations}, at most two
 * small reads per session per cache period).
 * <p>
 * A request without a token, or with one that fails verification, continues anonymously; the JAX-RS runtime (or,
 * behind it, the protected EJB) refuses it and {@link AccessDeniedMapper} answers 401 with the right
 * {@code WWW-Authenticate} challenge. So public endpoints keep working for a browser that still sends an expired
 * token.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute that tells {@link AccessDeniedMapper} a token was presented and refused. */
    public static final String INVALID_TOKEN = "io.keyturn.security.invalid_token";
    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());
    private static final String BEARER = "Bearer ";
    private static final String REVOKED_IN_STRICT_MODE = "revoked_in_strict_mode";

    @Inject
    AccessTokenValidator validator;

    @Inject
    ClientAddresses clients;

    @Inject
    AccessTokenRevocations revocations;

    @Inject
    StrictModeSettings strictMode;

    /** "Bearer" followed by a space and a token, or alone (an empty token is still a bearer attempt, and invalid). */
    private static boolean isBearerScheme(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.strip().equalsIgnoreCase(BEARER.strip());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (request.getAttribute(INVALID_TOKEN) != null) {
            // asked again for the same request (Payara's MicroProfile JWT filter does so when a @RolesAllowed
            // resource meets an anonymous caller): the token was refused, and logged, the first time
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !isBearerScheme(authorization)) {
            return context.doNothing();
        }
        try {
            VerifiedClaims claims = validator.validate(authorization.substring(BEARER.length() - 1).strip());
            if (strictMode.strict() && revocations.refuses(claims.userId(), claims.sessionId(),
                    claims.issuedAtEpochSecond())) {
                throw new InvalidTokenException(REVOKED_IN_STRICT_MODE);
            }
            return context.notifyContainerAboutLogin(new BearerPrincipal(claims), claims.groups());
        } catch (InvalidTokenException e) {
            logRefusal(e, request);
            request.setAttribute(INVALID_TOKEN, Boolean.TRUE);
            return context.doNothing();
        }
    }

    /**
     * An expired token is the everyday end of a token and not logged as a security event; a token revoked in strict
     * mode is an event; anything else (tampered, forged, re-spelled, foreign) was never issued here: an alert.
     */
    private void logRefusal(InvalidTokenException refused, HttpServletRequest request) {
        if (refused.expired()) {
            LOG.log(Level.FINE, "Refused an expired bearer token");
        } else if (REVOKED_IN_STRICT_MODE.equals(refused.reason())) {
            SecurityLog.event("bearer_token_refused", refused.reason(), null, null, clients.addressOf(request));
        } else {
            SecurityLog.alert("bearer_token_refused", refused.reason(), null, null, clients.addressOf(request));
        }
    }
}
