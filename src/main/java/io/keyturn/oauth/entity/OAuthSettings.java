package io.keyturn.oauth.entity;

import java.util.Locale;

/**
 * The OAuth endpoints' settings. {@code keyturn.oauth.password-grant.enabled} (default false): RFC 9700 (OAuth 2.0
 * Security BCP) forbids the resource owner password grant, and {@code /api/auth/login} is the first-party way in;
 * an operator may switch it on for a legacy client. Read as text and checked: MicroProfile Config would turn a typo
 * ("ture") into false silently.
 */
public record OAuthSettings(boolean passwordGrantEnabled) {

    public static final String PASSWORD_GRANT_ENABLED = "keyturn.oauth.password-grant.enabled";

    public static OAuthSettings of(String passwordGrantEnabled) {
        String word = passwordGrantEnabled == null ? "" : passwordGrantEnabled.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "true" -> new OAuthSettings(true);
            case "false" -> new OAuthSettings(false);
            default -> throw new IllegalStateException(PASSWORD_GRANT_ENABLED + "=" + passwordGrantEnabled
                    + " cannot be used: it must be true or false");
        };
    }
}
