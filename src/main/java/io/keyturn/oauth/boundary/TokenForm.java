package io.keyturn.oauth.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the token endpoint, for the OpenAPI document only (the endpoint reads and writes them by hand). */
@Schema(name = "OAuthTokenRequest", description = "RFC 6749 token request (form fields); unknown fields are "
        + "ignored, a field sent twice is invalid_request")
public class TokenForm {

    @Schema(required = true, enumeration = {"refresh_token", "client_credentials", "password"})
    public String grant_type;
    @Schema(description = "grant_type=refresh_token")
    public String refresh_token;
    @Schema(description = "grant_type=password (only when keyturn.oauth.password-grant.enabled=true)")
    public String username;
    @Schema(description = "grant_type=password")
    public String password;
    @Schema(description = "a public client's id, or with client_secret (client_secret_post)")
    public String client_id;
    @Schema(description = "accepted and not granted: Keyturn has no OAuth scopes, so the answer's scope is empty")
    public String scope;
    @Schema(description = "client_secret_post; prefer client_secret_basic")
    public String client_secret;

    @Schema(name = "OAuthTokens", requiredProperties = {"access_token", "token_type", "expires_in"})
    public static class Tokens {
        public String access_token;
        @Schema(enumeration = "Bearer")
        public String token_type;
        @Schema(format = "int64", description = "seconds until the access token expires")
        public long expires_in;
        @Schema(description = "refresh_token and password grants only")
        public String refresh_token;
        @Schema(description = "only when the request named a scope: empty, since Keyturn grants no OAuth scopes (the "
                + "token's groups claim carries the roles)")
        public String scope;
    }

    @Schema(name = "OAuthError", description = "RFC 6749 §5.2", requiredProperties = "error")
    public static class Error {
        @Schema(enumeration = {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
                "unsupported_grant_type", "too_many_attempts"})
        public String error;
        public String error_description;
    }
}
