package io.keyturn.oauth.control;

import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code client_secret_basic} (RFC 6749 §2.3.1): {@code Authorization: Basic base64(id ":" secret)}, where id and
 * secret were each form-urlencoded first, so a colon in either arrives as {@code %3A} and the first colon splits.
 */
public final class BasicCredentials {

    private static final String BASIC = "Basic ";

    /** A client id and secret as presented; the secret is never shown. */
    public record Presented(String clientId, String secret) {
        @Override
        public String toString() {
            return "Presented[" + clientId + "]";
        }
    }

    private BasicCredentials() {
    }

    /** Empty when the header is absent or of another scheme; invalid_client when it is Basic but broken. */
    public static Optional<Presented> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw broken();
            }
            String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
            if (id.isEmpty()) {
                throw broken();
            }
            return Optional.of(new Presented(id, secret));
        } catch (IllegalArgumentException e) {
            throw broken();
        }
    }

    private static OAuthException broken() {
        return new OAuthException(OAuthError.INVALID_CLIENT, "The Basic credentials are malformed");
    }
}
