package io.keyturn.oauth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.keyturn.oauth.control.PasswordGrant;
import io.keyturn.tokens.control.AccessTokenClaimOptions;
import io.keyturn.tokens.entity.Issuer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The document as the real parsers read it (Nimbus OAuth 2.0 SDK: its OpenID Connect and RFC 8414 parsers), for each
 * setting that changes it, without a server. {@code oauth.OAuthInteropIT} checks the served document and discovery.
 */
class AuthorizationServerMetadataTest {

    /** An issuer with a context path, as behind a reverse proxy: every URL keeps the path. */
    private static final Issuer ISSUER = new Issuer("https://intranet.example.com/auth");

    private static String document(boolean passwordGrant, boolean email, String algorithm) {
        return AuthorizationServerMetadata.document(ISSUER, new PasswordGrant(passwordGrant),
                new AccessTokenClaimOptions(email), algorithm).toString();
    }

    @Test
    void openIdConnectDiscoveryParsesItWithEveryUrlUnderTheIssuer() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(document(false, false, "RS256"));

        assertEquals(ISSUER.value(), metadata.getIssuer().getValue());
        assertEquals(URI.create("https://intranet.example.com/auth/.well-known/jwks.json"), metadata.getJWKSetURI());
        assertEquals(URI.create("https://intranet.example.com/auth/api/oauth2/token"),
                metadata.getTokenEndpointURI());
        assertEquals(URI.create("https://intranet.example.com/auth/api/oauth2/revoke"),
                metadata.getRevocationEndpointURI());
        assertEquals(URI.create("https://intranet.example.com/auth/api/oauth2/introspect"),
                metadata.getIntrospectionEndpointURI());
        assertEquals(List.of(JWSAlgorithm.RS256), metadata.getIDTokenJWSAlgs());
        assertEquals(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE),
                metadata.getTokenEndpointAuthMethods());
        assertEquals(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST), metadata.getIntrospectionEndpointAuthMethods());
        assertEquals(List.of("iss", "aud", "sub", "upn", "preferred_username", "groups", "iat", "exp", "jti", "sid",
                "client_id"), metadata.getClaims());
        assertEquals(List.of(GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS), metadata.getGrantTypes());
        assertEquals(null, metadata.getAuthorizationEndpointURI(), "Keyturn has no authorization endpoint");
    }

    @Test
    void rfc8414ParsesTheSameDocument() throws Exception {
        com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata metadata =
                com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata.parse(document(false, false, "RS256"));

        assertEquals(ISSUER.value(), metadata.getIssuer().getValue());
        assertEquals(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE),
                metadata.getRevocationEndpointAuthMethods());
    }

    @Test
    void listsThePasswordGrantOnlyWhenItIsOn() throws Exception {
        assertFalse(OIDCProviderMetadata.parse(document(false, false, "RS256")).getGrantTypes()
                .contains(GrantType.PASSWORD));
        assertEquals(List.of(GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD),
                OIDCProviderMetadata.parse(document(true, false, "RS256")).getGrantTypes());
    }

    @Test
    void listsTheEmailClaimOnlyWhenTokensCarryIt() throws Exception {
        assertFalse(OIDCProviderMetadata.parse(document(false, false, "RS256")).getClaims().contains("email"));
        assertTrue(OIDCProviderMetadata.parse(document(false, true, "RS256")).getClaims().contains("email"));
    }

    @Test
    void namesTheConfiguredSigningAlgorithm() throws Exception {
        assertEquals(List.of(JWSAlgorithm.ES256),
                OIDCProviderMetadata.parse(document(false, false, "ES256")).getIDTokenJWSAlgs());
    }
}
