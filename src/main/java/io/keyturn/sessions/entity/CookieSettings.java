package io.keyturn.sessions.entity;

/**
 * How the {@code refresh_token} cookie is marked. Read by {@link io.keyturn.sessions.control.CookieSettingsProducer}.
 *
 * @param secure {@value #SECURE}: the cookie's {@code Secure} attribute; {@code false} only for plain-http
 *               development on localhost, where the token would otherwise travel in clear text
 */
public record CookieSettings(boolean secure) {

    public static final String SECURE = "keyturn.cookie.secure";
}
