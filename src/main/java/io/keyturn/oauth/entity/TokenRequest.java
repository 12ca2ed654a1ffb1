package io.keyturn.oauth.entity;

/**
 * A token request's grant (RFC 6749 §4.3, §4.4, §6), read from its form: which grant, with the parameters it needs.
 * Reading is separate from doing, so the dispatch rules are unit-tested without a server.
 */
public sealed interface TokenRequest {

    String GRANT_TYPE = "grant_type";

    record RefreshTokenGrant(String refreshToken) implements TokenRequest {
        @Override
        public String toString() {
            return "RefreshTokenGrant"; // never the token
        }
    }

    record ClientCredentialsGrant() implements TokenRequest {
    }

    record PasswordGrant(String username, String password) implements TokenRequest {
        @Override
        public String toString() {
            return "PasswordGrant[" + username + "]"; // never the password
        }
    }

    /**
     * @param passwordGrantEnabled {@code keyturn.oauth.password-grant.enabled}: off, the password grant is not
     *        supported at all (unsupported_grant_type), whichever client asks
     */
    static TokenRequest of(FormParameters form, boolean passwordGrantEnabled) {
        String grantType = form.required(GRANT_TYPE);
        return switch (grantType) {
            case "refresh_token" -> new RefreshTokenGrant(form.required("refresh_token"));
            case "client_credentials" -> new ClientCredentialsGrant();
            case "password" -> {
                if (!passwordGrantEnabled) {
                    throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE,
                            "The password grant is switched off; log in with POST /api/auth/login");
                }
                yield new PasswordGrant(form.required("username"), form.required("password"));
            }
            default -> throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "Supported grant types: refresh_token, client_credentials, password (when switched on)");
        };
    }
}
