package io.keyturn.oauth.control;

import java.util.Locale;

/**
 * Whether {@code POST /api/oauth2/token} accepts {@code grant_type=password} ({@value #PROPERTY}, default
 * {@code false}). Off by default because RFC 9700 (OAuth 2.0 Security Best Current Practice) forbids the resource
 * owner password grant: the client sees the user's password. {@code /api/auth/login} is the first-party way in.
 * Immutable; read once at start-up by {@link PasswordGrantProducer}. The token endpoint decides by it, and the
 * discovery metadata lists {@code "password"} in {@code grant_types_supported} only when it is on, so the two never
 * disagree.
 *
 * @param enabled whether the password grant is served
 */
public record PasswordGrant(boolean enabled) {

    public static final String PROPERTY = "keyturn.oauth.password-grant.enabled";
    public static final PasswordGrant DEFAULT = new PasswordGrant(false);

    /**
     * Only {@code true} or {@code false} (any case, surrounding blanks ignored). MicroProfile Config's own boolean
     * conversion reads every other word, a typo included, as {@code false}; a switch that opens a grant RFC 9700
     * forbids should say what it means or stop the start.
     */
    public static PasswordGrant parse(String enabled) {
        String value = enabled == null ? "" : enabled.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> new PasswordGrant(true);
            case "false" -> new PasswordGrant(false);
            default -> throw new IllegalArgumentException(PROPERTY + " must be true or false, not \"" + enabled + "\"");
        };
    }
}
