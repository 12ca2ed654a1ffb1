package io.keyturn.sessions.boundary;

import io.keyturn.problems.entity.ProblemException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response.Status;
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
    private static final Jsonb JSONB = JsonbBuilder.create();

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

    static boolean csrfHeaderPresent(HttpServletRequest request) {
        return CSRF_VALUE.equalsIgnoreCase(request.getHeader(CSRF_HEADER));
    }

    static ProblemException csrfHeaderMissing() {
        return new ProblemException(Status.FORBIDDEN, "csrf_header_missing",
                "A cookie-mode request must carry the header " + CSRF_HEADER + ": " + CSRF_VALUE);
    }

    private static Optional<String> fromJson(String rawBody) {
        if (rawBody == null || rawBody.isBlank()) {
            return Optional.empty();
        }
        try {
            RefreshRequest parsed = JSONB.fromJson(rawBody, RefreshRequest.class);
            return Optional.ofNullable(parsed).map(r -> r.refreshToken).filter(t -> !t.isBlank());
        } catch (JsonbException | ClassCastException e) {
            throw new ProblemException(Status.BAD_REQUEST, "malformed_json",
                    "The request body is not well-formed JSON of the shape this endpoint takes");
        }
    }
}
