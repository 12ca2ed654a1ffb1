package io.keyturn.sessions.boundary;

import io.keyturn.json.StrictJson;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a refresh or logout request carries its refresh token: the JSON body ({@code {"refreshToken": ...}}) or the
 * cookie. A cookie is sent by the browser on its own, so it is only believed together with the
 * {@code X-Requested-With: keyturn} header, which a cross-site form cannot add (defence in depth beside SameSite).
 */
record PresentedRefreshToken(Optional<String> token, boolean fromBody) {

    static final String CSRF_HEADER = "X-Requested-With";
    static final String CSRF_VALUE = "keyturn";

    static PresentedRefreshToken of(HttpServletRequest request, String rawBody) {
        Optional<String> inBody = fromJson(rawBody);
        if (inBody.isPresent()) {
            return new PresentedRefreshToken(inBody, true);
        }
        Optional<String> inCookie = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> TokenDelivery.COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> !value.isEmpty())
                .findFirst();
        return new PresentedRefreshToken(inCookie, false);
    }

    /**
     * Whether the answer carries the refresh token in its body. A token that came in the cookie is answered in cookie
     * mode only, whatever {@code X-Token-Mode} says: copying the HttpOnly cookie's value into a body would hand it
     * to any script on the page. Without any token, the header decides how the refusal is shaped.
     */
    boolean bodyMode(boolean bodyModeRequested) {
        return fromBody || token.isEmpty() && bodyModeRequested;
    }

    static boolean csrfHeaderPresent(HttpServletRequest request) {
        return CSRF_VALUE.equalsIgnoreCase(request.getHeader(CSRF_HEADER));
    }

    static ProblemException csrfHeaderMissing() {
        return new ProblemException(ProblemType.CSRF_HEADER_MISSING);
    }

    private static Optional<String> fromJson(String rawBody) {
        return Optional.ofNullable(StrictJson.read(rawBody, RefreshRequest.class))
                .map(request -> request.refreshToken)
                .filter(token -> !token.isBlank());
    }
}
