package io.keyturn.sessions.entity;

import io.keyturn.configuration.SettingSwitches;

/**
 * How the {@code refresh_token} cookie is marked. Read by {@link io.keyturn.sessions.control.CookieSettingsProducer}.
 *
 * @param secure {@value #SECURE}: the cookie's {@code Secure} attribute; {@code false} only for plain-http
 *               development on localhost, where the token would otherwise travel in clear text
 */
public record CookieSettings(boolean secure) {

    public static final String SECURE = "keyturn.cookie.secure";

    /**
     * The words MicroProfile Config's boolean conversion, which read this setting before, takes for true, and their
     * opposites ({@link SettingSwitches#onOrOff}); anything else is refused, because that conversion read a typo
     * ({@code ture}) as false and so dropped {@code Secure} from the cookie.
     */
    public static CookieSettings parse(String secure) {
        return new CookieSettings(SettingSwitches.onOrOff(secure, SECURE));
    }
}
