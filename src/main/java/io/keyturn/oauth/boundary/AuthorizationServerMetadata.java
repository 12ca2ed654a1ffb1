package io.keyturn.oauth.boundary;

import io.keyturn.oauth.control.PasswordGrant;
import io.keyturn.tokens.control.AccessTokenClaimOptions;
import io.keyturn.tokens.control.SigningSettings;
import io.keyturn.tokens.entity.Issuer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The discovery document (RFC 8414, and the fields OpenID Connect Discovery 1.0 parsers insist on), made once from
 * the settings: nothing in it changes while Keyturn runs, and nothing in it comes from a request. Every URL is
 * {@code keyturn.issuer} followed by a path, so its prefix is the issuer byte for byte, as RFC 8414 section 3.3 and
 * OIDC Discovery section 4.3 require of a client that resolves metadata from the issuer.
 * <p>
 * Keyturn has no authorization endpoint and issues no ID tokens; the fields that OIDC parsers require all the same
 * hold the closest true value (docs/integration.md, "Fixed metadata values"):
 * {@code response_types_supported: ["none"]} (nothing is ever issued at an authorization endpoint),
 * {@code subject_types_supported: ["public"]} ({@code sub} is the same user id for every client) and
 * {@code id_token_signing_alg_values_supported} naming the algorithm Keyturn signs its JWTs with.
 */
@ApplicationScoped
public class AuthorizationServerMetadata {

    static final String JWKS_PATH = "/.well-known/jwks.json";
    static final String TOKEN_PATH = "/api/oauth2/token";
    static final String REVOCATION_PATH = "/api/oauth2/revoke";
    static final String INTROSPECTION_PATH = "/api/oauth2/introspect";

    /**
     * The claims of Keyturn's access tokens: the contract's, and {@code client_id} in those issued to an OAuth client
     * (client credentials); {@code email} joins them only when the opt-in claim is on.
     */
    static final List<String> CLAIMS = List.of("iss", "aud", "sub", "upn", "preferred_username", "groups", "iat",
            "exp", "jti", "sid", "client_id");

    @Inject
    Issuer issuer;

    @Inject
    PasswordGrant passwordGrant;

    @Inject
    AccessTokenClaimOptions claimOptions;

    @Inject
    SigningSettings signing;

    private String json;

    @PostConstruct
    void build() {
        json = document(issuer, passwordGrant, claimOptions, signing.algorithm().jwsName()).toString();
    }

    /** The document as sent: the same bytes at both well-known addresses and for every request. */
    public String json() {
        return json;
    }

    static JsonObject document(Issuer issuer, PasswordGrant passwordGrant, AccessTokenClaimOptions claimOptions,
            String signingAlgorithm) {
        List<String> grants = new ArrayList<>(List.of("refresh_token", "client_credentials"));
        if (passwordGrant.enabled()) {
            grants.add("password");
        }
        List<String> claims = new ArrayList<>(CLAIMS);
        if (claimOptions.email()) {
            claims.add("email");
        }
        JsonObjectBuilder document = Json.createObjectBuilder()
                // the issuer's own text, not a java.net.URI round trip: verifiers compare it as a string
                .add("issuer", issuer.value())
                .add("jwks_uri", issuer.value() + JWKS_PATH)
                .add("token_endpoint", issuer.value() + TOKEN_PATH)
                .add("revocation_endpoint", issuer.value() + REVOCATION_PATH)
                .add("introspection_endpoint", issuer.value() + INTROSPECTION_PATH)
                .add("grant_types_supported", array(grants))
                .add("response_types_supported", array(List.of("none")))
                .add("subject_types_supported", array(List.of("public")))
                .add("id_token_signing_alg_values_supported", array(List.of(signingAlgorithm)))
                // public clients (browsers, apps, scripts) send only their client_id: "none"
                .add("token_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post", "none")))
                // a public client may revoke its own refresh token (RFC 7009 section 5)
                .add("revocation_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post", "none")))
                // introspection tells whether a session is alive: confidential clients only
                .add("introspection_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post")))
                .add("claims_supported", array(claims));
        return document.build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
