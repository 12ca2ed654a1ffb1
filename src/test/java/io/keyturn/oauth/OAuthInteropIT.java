package io.keyturn.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.OwnIssuerKeyturn;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The contract's promise that off-the-shelf OAuth libraries work with Keyturn by configuration alone, checked with
 * the real libraries, not an imitation: Nimbus's OpenID Connect and RFC 8414 metadata parsers and resolvers, and
 * Spring Security's {@code JwtDecoders.fromIssuerLocation}, which is what
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} does in Spring Boot.
 * <p>
 * Discovery only works where {@code keyturn.issuer} is the address the client fetches from: the resolvers compare
 * the metadata's {@code issuer} with the issuer they were given, byte for byte. The Keyturn Arquillian deploys keeps
 * the builds' issuer (the default, {@code http://localhost:8080}) while it answers at the host's network address,
 * a port of the container's choosing and a context root, so the discovery tests run against a second Keyturn on
 * Payara Micro whose {@code keyturn.issuer} is its own {@code http://127.0.0.1:<port>}, on an in-memory database of
 * its own. On WildFly (no Payara Micro to start) they run only when the deployment's address is its issuer.
 * <p>
 * Nimbus is also the OAuth client of the last tests: the client credentials grant, the refresh token grant of a
 * session, revocation and introspection, against the deployed Keyturn's endpoints.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OAuthInteropIT {

    private static final String PASSWORD = "correct horse battery";
    private static final List<String> METADATA = List.of("/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    private Http keyturn() {
        return new Http(base);
    }

    // --- the served documents, on whichever server deployed Keyturn

    @Test
    void bothAddressesServeTheSameCacheableJson() {
        Http.Reply openId = keyturn().get(METADATA.get(0)).send();
        Http.Reply rfc8414 = keyturn().get(METADATA.get(1)).send();

        for (Http.Reply reply : List.of(openId, rfc8414)) {
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
            assertEquals("public, max-age=300", reply.header("Cache-Control"));
        }
        assertEquals(openId.body(), rfc8414.body(), "one document, byte for byte");
    }

    @Test
    void nimbusParsesBothDocumentsWithTheConfiguredIssuerAsThePrefixOfEveryUrl() throws Exception {
        for (String path : METADATA) {
            String body = keyturn().get(path).send().body();
            OIDCProviderMetadata openId = OIDCProviderMetadata.parse(body);
            AuthorizationServerMetadata rfc8414 = AuthorizationServerMetadata.parse(body);

            assertEquals(Deployments.ISSUER, openId.getIssuer().getValue());
            assertEquals(Deployments.ISSUER, rfc8414.getIssuer().getValue());
            assertEquals(URI.create(Deployments.ISSUER + "/.well-known/jwks.json"), openId.getJWKSetURI());
            assertEquals(URI.create(Deployments.ISSUER + "/api/oauth2/token"), openId.getTokenEndpointURI());
            assertEquals(URI.create(Deployments.ISSUER + "/api/oauth2/revoke"), openId.getRevocationEndpointURI());
            assertEquals(URI.create(Deployments.ISSUER + "/api/oauth2/introspect"),
                    openId.getIntrospectionEndpointURI());
        }
    }

    /** A proxy's forwarded headers (or a forged Host) must not move the advertised endpoints elsewhere. */
    @Test
    void forwardedHeadersChangeNothing() {
        Http.Reply plain = keyturn().get(METADATA.get(0)).send();
        assertEquals(200, plain.status(), plain::toString);
        Http.Reply forwarded = keyturn().get(METADATA.get(0)).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example;proto=https").send();

        assertEquals(plain.body(), forwarded.body());
    }

    // --- discovery: the clients start from the issuer alone

    /** The issuer of a Keyturn that answers at that issuer: the Arquillian one if it does, else a second Keyturn. */
    private synchronized String discoverableIssuer() throws Exception {
        String deployed = base.toString().replaceAll("/+$", "");
        if (deployed.equals(Deployments.ISSUER)) {
            return deployed;
        }
        Assumptions.assumeFalse("wildfly".equals(System.getProperty("arquillian.launch")),
                "the deployment's address " + deployed + " is not its issuer " + Deployments.ISSUER
                        + ", and a second Keyturn runs on Payara Micro only");
        return OwnIssuerKeyturn.issuer();
    }

    private Http discoverableKeyturn() throws Exception {
        return new Http(new URL(discoverableIssuer() + "/"));
    }

    @Test
    void nimbusResolvesTheOpenIdConfigurationFromTheIssuer() throws Exception {
        String issuer = discoverableIssuer();

        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer));

        assertEquals(issuer, metadata.getIssuer().getValue());
        assertEquals(URI.create(issuer + "/.well-known/jwks.json"), metadata.getJWKSetURI());
        assertEquals(URI.create(issuer + "/api/oauth2/token"), metadata.getTokenEndpointURI());
    }

    @Test
    void nimbusResolvesTheAuthorizationServerMetadataFromTheIssuer() throws Exception {
        String issuer = discoverableIssuer();

        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));

        assertEquals(issuer, metadata.getIssuer().getValue());
        assertEquals(URI.create(issuer + "/api/oauth2/introspect"), metadata.getIntrospectionEndpointURI());
    }

    @Test
    void springSecurityBuildsADecoderFromTheIssuerAloneAndAcceptsAKeyturnAccessToken() throws Exception {
        String issuer = discoverableIssuer();
        String username = Http.uniqueName("spring");
        String token = discoverableKeyturn().register(username, PASSWORD).getString("accessToken");

        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
        Jwt jwt = decoder.decode(token);

        assertEquals(issuer, jwt.getClaimAsString("iss"));
        assertEquals(List.of("user"), jwt.getClaimAsStringList("groups"));
        assertEquals(username, jwt.getClaimAsString("preferred_username"));
        assertTrue(!jwt.getSubject().isBlank(), "sub is the user id");
    }

    @Test
    void springSecurityRefusesATamperedToken() throws Exception {
        String issuer = discoverableIssuer();
        String token = discoverableKeyturn().register(Http.uniqueName("tamper"), PASSWORD).getString("accessToken");
        JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);

        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"admin\"]");
        assertTrue(!promoted.equals(claims), "the token's groups were found: " + claims);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThrows(JwtException.class, () -> decoder.decode(tampered));
        decoder.decode(token); // the control: the untouched token passes
    }

    /** Signed by another Keyturn, under another issuer: the decoder discovered from this issuer refuses it. */
    @Test
    void springSecurityRefusesATokenOfAnotherKeyturn() throws Exception {
        String issuer = discoverableIssuer();
        Assumptions.assumeFalse(issuer.equals(Deployments.ISSUER), "only one Keyturn runs");
        String foreign = keyturn().register(Http.uniqueName("foreign"), PASSWORD).getString("accessToken");

        assertThrows(JwtException.class, () -> JwtDecoders.fromIssuerLocation(issuer).decode(foreign));
    }

    // --- Nimbus as the OAuth client: grants, revocation and introspection against the deployed Keyturn

    /** The deployment's own endpoint (its address, not the issuer's: only discovery needs the two to agree). */
    private URI endpoint(String path) {
        return keyturn().uri(path);
    }

    private ClientSecretBasic registeredConfidentialClient(String... roles) {
        var rolesJson = Json.createArrayBuilder();
        for (String role : roles) {
            rolesJson.add(role);
        }
        String clientId = Http.uniqueName("nimbus");
        Http.Reply reply = keyturn().post("/api/admin/clients").bearer(keyturn().adminToken())
                .json(Json.createObjectBuilder().add("clientId", clientId).add("confidential", true)
                        .add("roles", rolesJson).build().toString()).send();
        assertEquals(201, reply.status(), reply::toString);
        return new ClientSecretBasic(new ClientID(clientId), new Secret(reply.json().getString("clientSecret")));
    }

    private static TokenResponse send(TokenRequest request) throws Exception {
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    @Test
    void nimbusGetsAClientCredentialsTokenWithTheClientsRoles() throws Exception {
        ClientSecretBasic client = registeredConfidentialClient("orders");

        TokenResponse response = send(new TokenRequest(endpoint("/api/oauth2/token"), client,
                new ClientCredentialsGrant()));

        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = response.toSuccessResponse();
        assertNull(tokens.getTokens().getRefreshToken(), "no refresh token for client credentials");
        JWTClaimsSet claims = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
        assertEquals(client.getClientID().getValue(), claims.getSubject());
        assertEquals(List.of("orders"), claims.getStringListClaim("groups"));

        TokenResponse wrongSecret = send(new TokenRequest(endpoint("/api/oauth2/token"),
                new ClientSecretBasic(client.getClientID(), new Secret("not-the-secret")),
                new ClientCredentialsGrant()));
        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(),
                wrongSecret.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void nimbusRefreshesRevokesAndIntrospectsAUsersSession() throws Exception {
        String username = Http.uniqueName("nimbus-user");
        keyturn().register(username, PASSWORD);
        var login = keyturn().login(username, PASSWORD);
        ClientID publicApp = new ClientID("nimbus-public-app");
        ClientSecretBasic resourceServer = registeredConfidentialClient("resource-server");

        TokenResponse refreshed = send(new TokenRequest(endpoint("/api/oauth2/token"), publicApp,
                new RefreshTokenGrant(new RefreshToken(login.getString("refreshToken")))));
        assertTrue(refreshed.indicatesSuccess(), () -> refreshed.toErrorResponse().getErrorObject().toString());
        Tokens tokens = refreshed.toSuccessResponse().getTokens();
        assertNotEquals(login.getString("refreshToken"), tokens.getRefreshToken().getValue(), "rotated");

        TokenIntrospectionResponse live = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                endpoint("/api/oauth2/introspect"), resourceServer, tokens.getAccessToken()).toHTTPRequest().send());
        assertTrue(live.toSuccessResponse().isActive());
        assertEquals(username, live.toSuccessResponse().getUsername());

        HTTPResponse revoked = new TokenRevocationRequest(endpoint("/api/oauth2/revoke"), publicApp,
                tokens.getRefreshToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());

        TokenIntrospectionResponse ended = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                endpoint("/api/oauth2/introspect"), resourceServer, tokens.getAccessToken()).toHTTPRequest().send());
        assertFalse(ended.toSuccessResponse().isActive(), "the access token's session was revoked");
        TokenResponse afterRevocation = send(new TokenRequest(endpoint("/api/oauth2/token"), publicApp,
                new RefreshTokenGrant(tokens.getRefreshToken())));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(),
                afterRevocation.toErrorResponse().getErrorObject().getCode());
    }
}
