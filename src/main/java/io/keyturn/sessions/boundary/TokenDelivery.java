package io.keyturn.sessions.boundary;

import io.keyturn.sessions.entity.CookieSettings;
import io.keyturn.sessions.entity.IssuedRefreshToken;
import io.keyturn.sessions.entity.IssuedTokens;
import io.keyturn.sessions.entity.TokenResponse;
import io.keyturn.tokens.entity.AccessToken;
import io.keyturn.users.entity.User;
import io.keyturn.users.entity.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;

/**
 * Hands tokens to the client the way it asked: in cookie mode (browsers, the default) the refresh token travels only
 * in an HttpOnly cookie scoped to {@code /api/auth}; in body mode ({@code X-Token-Mode: body}) only in the JSON body.
 */
@ApplicationScoped
public class TokenDelivery {

    public static final String MODE_HEADER = "X-Token-Mode";
    public static final String COOKIE = "refresh_token";

    @Inject
    CookieSettings cookieSettings;

    @Inject
    Clock clock;

    @Inject
    HttpServletRequest request;

    /** Both tokens as the token response; the refresh token in the body (body mode) or in the cookie only. */
    public Response deliver(IssuedTokens tokens, Response.ResponseBuilder response, boolean bodyMode) {
        IssuedRefreshToken issued = tokens.refresh();
        User user = issued.user();
        AccessToken access = tokens.access();
        TokenResponse body = new TokenResponse(access.compact(), "Bearer", access.expiresInSeconds(),
                issued.sessionId(), UserView.of(user), bodyMode ? issued.token() : null);
        if (!bodyMode) {
            long maxAge = Math.max(0, Duration.between(clock.instant(), issued.expiresAt()).toSeconds());
            response.header(HttpHeaders.SET_COOKIE, cookie(issued.token(), maxAge));
        }
        return response.type(MediaType.APPLICATION_JSON).entity(body).cacheControl(noStore()).build();
    }

    public boolean bodyModeRequested() {
        return "body".equalsIgnoreCase(request.getHeader(MODE_HEADER));
    }

    /** Expires the refresh cookie in the browser. */
    public String clearedCookie() {
        return cookie("", 0);
    }

    /** Written by hand: the contract fixes every attribute, including SameSite, which older cookie APIs lack. */
    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=" + request.getContextPath()
                + "/api/auth; HttpOnly" + (cookieSettings.secure() ? "; Secure" : "") + "; SameSite=Strict";
    }

    static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
