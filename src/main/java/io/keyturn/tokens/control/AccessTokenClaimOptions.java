package io.keyturn.tokens.control;

import java.util.Locale;

/**
 * Which optional claims access tokens carry beyond the contract's claim set. Immutable; read once at start-up by
 * {@link AccessTokenClaimOptionsProducer}.
 *
 * @param email whether the token carries the user's {@code email} ({@value #EMAIL_CLAIM}, default {@code false}).
 *              Off by default because an access token travels to every service the client calls and sits in
 *              their logs; it should carry no personal data a resource server does not need. {@code GET /api/me}
 *              reads the address from the database instead.
 */
public record AccessTokenClaimOptions(boolean email) {

    public static final String EMAIL_CLAIM = "keyturn.access-token.email-claim";
    public static final AccessTokenClaimOptions DEFAULTS = new AccessTokenClaimOptions(false);

    /**
     * Only {@code true} or {@code false} (any case, surrounding blanks ignored). MicroProfile Config's own boolean
     * conversion reads every other word, a typo included, as {@code false}; a setting about personal data should
     * say what it means or stop the start.
     */
    public static AccessTokenClaimOptions parse(String emailClaim) {
        String value = emailClaim == null ? "" : emailClaim.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> new AccessTokenClaimOptions(true);
            case "false" -> new AccessTokenClaimOptions(false);
            default -> throw new IllegalArgumentException(EMAIL_CLAIM + " must be true or false, not \"" + emailClaim
                    + "\"");
        };
    }
}
