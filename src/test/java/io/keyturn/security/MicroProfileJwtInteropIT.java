package io.keyturn.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.security.interop.VerifierApplication;
import io.keyturn.security.interop.WhoAmIResource;
import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.SecondInstance;
import io.keyturn.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract's promise that "any MicroProfile JWT server pointed at /.well-known/jwks.json accepts" Keyturn's
 * access tokens, tested against Payara's MP-JWT: a second Payara Micro runs a tiny WAR that contains no Keyturn code,
 * only {@code @LoginConfig(authMethod = "MP-JWT")}, a {@code @RolesAllowed("user")} resource and the
 * {@code mp.jwt.verify.*} properties naming Keyturn's JWKS, issuer and audience.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicroProfileJwtInteropIT {

    private static final String PASSWORD = "correct horse battery";
    private static WebArchive verifierArchive;
    private static SecondInstance verifier;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    /** The verifier WAR, all but its configuration, which needs Keyturn's address (known once it is deployed). */
    @BeforeAll
    static void buildVerifier() {
        verifierArchive = ShrinkWrap.create(WebArchive.class, "mp-jwt-verifier.war")
                .addClasses(VerifierApplication.class, WhoAmIResource.class)
                // Payara issue 6252: without discovery mode "all" the JsonWebToken producer is not found
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    /** Once, at the first test: the configuration names Keyturn's JWKS; then the WAR is exported and started. */
    @BeforeEach
    synchronized void startVerifier() throws Exception {
        if (verifier != null) {
            return;
        }
        String jwks = keyturn().uri("/.well-known/jwks.json").toString();
        verifierArchive.addAsResource(new StringAsset(String.join("\n",
                "mp.jwt.verify.publickey.location=" + jwks,
                "mp.jwt.verify.issuer=" + Deployments.ISSUER,
                "mp.jwt.verify.audiences=keyturn", "")), "META-INF/microprofile-config.properties");
        File war = new File(System.getProperty("java.io.tmpdir"), "mp-jwt-verifier.war");
        verifierArchive.as(ZipExporter.class).exportTo(war, true);
        verifier = SecondInstance.deploy(war, "/api/whoami");
    }

    @AfterAll
    static void stopVerifier() {
        if (verifier != null) {
            verifier.stop();
        }
    }

    private Http keyturn() {
        return new Http(base);
    }

    private static Http.Reply whoAmI(String token) {
        Http.Request request = verifier.http().get("/api/whoami");
        return (token == null ? request : request.bearer(token)).send();
    }

    @Test
    void acceptsAKeyturnAccessTokenAndMapsGroupsToRoles() {
        String username = Http.uniqueName("mpjwt");
        String token = keyturn().register(username, PASSWORD).getString("accessToken");

        Http.Reply reply = whoAmI(token);

        assertEquals(200, reply.status(), reply::toString);
        JsonObject caller = reply.json();
        assertEquals(username, caller.getString("name"));
        assertTrue(caller.getBoolean("user"));
        assertFalse(caller.getBoolean("admin"));
    }

    @Test
    void mapsTheAdminGroupToTheAdminRole() {
        Http.Reply reply = whoAmI(keyturn().adminToken());

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("admin", reply.json().getString("name"));
        assertTrue(reply.json().getBoolean("admin"));
    }

    @Test
    void refusesATokenOfAnotherIssuer() throws Exception {
        assertEquals(401, whoAmI(token("someone-else", RsaJwkGenerator.generateJwk(2048))).status());
    }

    @Test
    void refusesATokenSignedByAKeyOutsideKeyturnsJwks() throws Exception {
        assertEquals(401, whoAmI(token(Deployments.ISSUER, RsaJwkGenerator.generateJwk(2048))).status());
    }

    /**
     * Signed with Keyturn's own key (read from its database), so the signature and kid are good and only the issuer
     * decides: "someone-else" is refused, while the same token with Keyturn's issuer is accepted.
     */
    @Test
    void refusesKeyturnsOwnKeyUnderAnotherIssuer() throws Exception {
        PublicJsonWebKey keyturnKey = PublicJsonWebKey.Factory.newPublicJwk(TestDatabase.text(
                "SELECT jwk FROM signing_keys WHERE algorithm = 'RS256' ORDER BY sequence_no DESC"));

        assertEquals(401, whoAmI(token("someone-else", keyturnKey)).status());
        assertEquals(200, whoAmI(token(Deployments.ISSUER, keyturnKey)).status(),
                "the control: only the issuer differs");
    }

    @Test
    void refusesARequestWithoutToken() {
        assertEquals(401, whoAmI(null).status());
    }

    /** A well-formed RS256 token with Keyturn's claim set, signed by {@code key} (a fresh one gets a new kid). */
    private static String token(String issuer, PublicJsonWebKey key) throws Exception {
        if (key.getKeyId() == null) {
            key.setKeyId("foreign-" + System.nanoTime());
        }
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("keyturn");
        claims.setSubject("4d1c7a3e-0000-4000-8000-000000000001");
        claims.setClaim("upn", "mallory");
        claims.setClaim("preferred_username", "mallory");
        claims.setStringListClaim("groups", List.of("user", "admin"));
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 900));
        claims.setJwtId("jti-" + System.nanoTime());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.getPrivateKey());
        return jws.getCompactSerialization();
    }
}
