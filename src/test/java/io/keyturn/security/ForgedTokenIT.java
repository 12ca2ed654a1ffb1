package io.keyturn.security;

import static io.keyturn.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.testing.Deployments;
import io.keyturn.testing.Http;
import io.keyturn.testing.ServerLog;
import io.keyturn.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged and broken access tokens, one attack class per case (RFC 8725): every one must be answered 401 with
 * {@code WWW-Authenticate: Bearer realm="keyturn", error="invalid_token"}. Where an attack needs a correctly signed
 * token, it is signed with the server's real private key, read from the database, so only the attacked property can
 * be why it is refused (the control case proves the key is the real one).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForgedTokenIT {

    private static final String CHALLENGE = "Bearer realm=\"keyturn\", error=\"invalid_token\"";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What an attack needs: a genuine token of a fresh user, the server's key, and a key of the attacker's. */
    record Material(String genuine, String refreshToken, PublicJsonWebKey serverKey, PublicJsonWebKey attackerKey) {
    }

    interface Attack {
        String token(Material material) throws Exception;
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.keyturn();
    }

    @ArquillianResource
    URL base;

    static Stream<Arguments> attacks() {
        return Stream.of(
                attack("alg none", m -> unsigned(m, "none")),
                attack("alg None", m -> unsigned(m, "None")),
                attack("alg NONE", m -> unsigned(m, "NONE")),
                attack("HS256 keyed with the server's public key (algorithm confusion)", m -> {
                    JsonWebSignature jws = jws(claims(m, c -> { }), AlgorithmIdentifiers.HMAC_SHA256, m.serverKey().getKeyId());
                    jws.setKey(new HmacKey(m.serverKey().getPublicKey().getEncoded()));
                    jws.setDoKeyValidation(false);
                    return jws.getCompactSerialization();
                }),
                attack("a foreign key under the server's kid", m -> sign(claims(m, c -> { }), m.attackerKey(),
                        m.serverKey().getKeyId())),
                attack("an unknown kid", m -> sign(claims(m, c -> { }), m.attackerKey(), "attacker-key")),
                attack("jku pointing elsewhere", m -> signWithHeader(m, "jku", "https://attacker.example/jwks.json")),
                attack("x5u pointing elsewhere", m -> signWithHeader(m, "x5u", "https://attacker.example/cert.pem")),
                attack("an embedded jwk header", m -> {
                    JsonWebSignature jws = jws(claims(m, c -> { }), AlgorithmIdentifiers.RSA_USING_SHA256,
                            m.serverKey().getKeyId());
                    jws.setJwkHeader(m.attackerKey());
                    jws.setKey(m.attackerKey().getPrivateKey());
                    return jws.getCompactSerialization();
                }),
                attack("stripped signature", m -> m.genuine().substring(0, m.genuine().lastIndexOf('.') + 1)),
                attack("truncated signature", m -> m.genuine().substring(0, m.genuine().length() - 8)),
                attack("tampered header", m -> {
                    String[] parts = m.genuine().split("\\.");
                    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                            .replace("\"typ\":\"JWT\"", "\"typ\":\"JWT\",\"x\":1");
                    return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
                }),
                attack("tampered payload", m -> {
                    String[] parts = m.genuine().split("\\.");
                    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                            .replace("\"groups\":[\"user\"]", "\"groups\":[\"user\",\"admin\"]");
                    return parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
                }),
                attack("expired", m -> signed(m, c -> {
                    c.setIssuedAt(secondsFromNow(-3600));
                    c.setExpirationTime(secondsFromNow(-1800));
                })),
                attack("nbf an hour ahead", m -> signed(m, c -> c.setNotBefore(secondsFromNow(3600)))),
                attack("iat an hour ahead", m -> signed(m, c -> {
                    c.setIssuedAt(secondsFromNow(3600));
                    c.setExpirationTime(secondsFromNow(4500));
                })),
                attack("wrong iss", m -> signed(m, c -> c.setIssuer("https://evil.example"))),
                attack("wrong aud", m -> signed(m, c -> c.setAudience("another-service"))),
                attack("no exp", m -> signed(m, c -> c.unsetClaim("exp"))),
                attack("no sub", m -> signed(m, c -> c.unsetClaim("sub"))),
                attack("no jti", m -> signed(m, c -> c.unsetClaim("jti"))),
                attack("crit naming an unknown header", m -> {
                    JsonWebSignature jws = jws(claims(m, c -> { }), AlgorithmIdentifiers.RSA_USING_SHA256,
                            m.serverKey().getKeyId());
                    jws.setHeader("urn:attacker:must-understand", "yes");
                    jws.setCriticalHeaderNames("urn:attacker:must-understand");
                    jws.setKey(m.serverKey().getPrivateKey());
                    return jws.getCompactSerialization();
                }),
                attack("typ other than JWT", m -> {
                    JsonWebSignature jws = jws(claims(m, c -> { }), AlgorithmIdentifiers.RSA_USING_SHA256,
                            m.serverKey().getKeyId());
                    jws.setHeader("typ", "at+jwt");
                    jws.setKey(m.serverKey().getPrivateKey());
                    return jws.getCompactSerialization();
                }),
                attack("oversized (more than 8 KB)", m -> signed(m, c -> c.setClaim("padding", "x".repeat(9000)))),
                attack("invalid base64url", m -> m.genuine().replaceFirst("\\.", ".+/=")),
                attack("duplicate claims in the payload", m -> {
                    String payload = claims(m, c -> { }).toJson();
                    payload = payload.substring(0, payload.length() - 1) + ",\"sub\":\"someone-else\"}";
                    JsonWebSignature jws = new JsonWebSignature();
                    jws.setPayload(payload);
                    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                    jws.setKeyIdHeaderValue(m.serverKey().getKeyId());
                    jws.setHeader("typ", "JWT");
                    jws.setKey(m.serverKey().getPrivateKey());
                    return jws.getCompactSerialization();
                }),
                attack("a JWE where a JWS is expected", m -> {
                    PublicJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
                    JsonWebEncryption jwe = new JsonWebEncryption();
                    jwe.setPayload(claims(m, c -> { }).toJson());
                    jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
                    jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256);
                    jwe.setKeyIdHeaderValue(m.serverKey().getKeyId());
                    jwe.setKey(rsa.getPublicKey());
                    return jwe.getCompactSerialization();
                }),
                // RFC 7515 §2: the genuine signature bytes, spelled otherwise; jose4j's lenient decoder reads
                // them as the same signature, so only the canonical base64url check refuses these
                attack("signature with == padding", m -> m.genuine() + "=="),
                attack("signature with = padding", m -> m.genuine() + "="),
                attack("signature in the standard alphabet (+ and /)", m -> {
                    String token = withUrlOnlyCharacters(m);
                    int dot = token.lastIndexOf('.');
                    return token.substring(0, dot) + token.substring(dot).replace('-', '+').replace('_', '/');
                }),
                attack("non-zero unused bits in the signature's last character", m -> {
                    String token = m.genuine();
                    char last = token.charAt(token.length() - 1);
                    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                    return token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 0b0101);
                }),
                attack("padded header", m -> {
                    String[] parts = m.genuine().split("\\.");
                    String padded = parts[0] + "=".repeat((4 - parts[0].length() % 4) % 4);
                    return (padded.equals(parts[0]) ? padded + "====" : padded) + "." + parts[1] + "." + parts[2];
                }),
                attack("payload with a trailing =", m -> {
                    String[] parts = m.genuine().split("\\.");
                    return parts[0] + "." + parts[1] + "=." + parts[2];
                }),
                attack("a refresh token sent as a bearer token", Material::refreshToken),
                attack("an empty bearer token", m -> ""),
                attack("a token of another issuer's format (three random segments)",
                        m -> B64.encodeToString("a".getBytes()) + "." + B64.encodeToString("b".getBytes()) + ".c"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void isAnInvalidToken(String name, Attack attack) throws Exception {
        Http http = new Http(base);
        Material material = material(http);
        Http.Reply reply = http.get("/api/me").header("Authorization", "Bearer " + attack.token(material)).send();
        assertProblem(reply, 401, "invalid_token");
        assertEquals(CHALLENGE, reply.header("WWW-Authenticate"));
    }

    @Test
    void aForgedTokenIsAnAlertInTheSecurityLogAndAnExpiredOneIsNot() throws Exception {
        Http forger = new Http(base);
        Material m = material(forger);
        assertProblem(forger.get("/api/me").header("Authorization", "Bearer " + m.genuine() + "==").send(), 401,
                "invalid_token");
        Http late = new Http(base);
        assertProblem(late.get("/api/me").bearer(signed(m, c -> {
            c.setIssuedAt(secondsFromNow(-3600));
            c.setExpirationTime(secondsFromNow(-1800));
        })).send(), 401, "invalid_token");
        // the last request: once its line is in the log, the lines of the others are too
        assertProblem(forger.get("/api/me").bearer(sign(claims(m, c -> { }), m.attackerKey(), "attacker-key"))
                .send(), 401, "invalid_token");
        String log = ServerLog.awaiting("event=bearer_token_refused outcome=not_verified user=- session=- client="
                + forger.clientAddress());
        assertTrue(log.contains("event=bearer_token_refused outcome=not_canonical_base64url user=- session=- client="
                + forger.clientAddress()), "a re-spelled token is an alert");
        assertFalse(log.contains("client=" + late.clientAddress()), "an expired token is no security event");
    }

    /**
     * On Payara a {@code @RolesAllowed} resource meeting an anonymous caller asks for authentication a second time
     * (its MicroProfile JWT request filter calls {@code SecurityContext.authenticate}), so the mechanism sees the same
     * request twice: the refusal must still be one event, or an alert threshold counts every forgery twice.
     */
    @Test
    void oneRefusedTokenIsOneAlert() throws Exception {
        Http forger = new Http(base);
        Material m = material(forger);
        String forged = sign(claims(m, c -> { }), m.attackerKey(), "attacker-key");
        assertProblem(forger.get("/api/me").bearer(forged).send(), 401, "invalid_token");
        assertProblem(forger.get("/api/auth/sessions").bearer(forged).send(), 401, "invalid_token");
        String log = ServerLog.awaiting(forger.failLogin());
        String alert = "event=bearer_token_refused outcome=not_verified user=- session=- client="
                + forger.clientAddress();
        assertEquals(2, log.split(Pattern.quote(alert), -1).length - 1,
                () -> "two requests with a forged token, each one alert: " + log.lines()
                        .filter(line -> line.contains(forger.clientAddress())).toList());
    }

    @ParameterizedTest(name = "control: {0}")
    @MethodSource("controls")
    void theSameMaterialUnforgedIsAccepted(String name, Attack attack) throws Exception {
        Http http = new Http(base);
        Http.Reply reply = http.get("/api/me").bearer(attack.token(material(http))).send();
        assertEquals(200, reply.status(), reply::toString);
    }

    static Stream<Arguments> controls() {
        return Stream.of(attack("the genuine token", Material::genuine),
                attack("re-signed with the server's key, claims unchanged", m -> signed(m, c -> { })));
    }

    private static Material material;

    private static synchronized Material material(Http http) throws Exception {
        if (material == null) {
            JsonObject tokens = http.register(Http.uniqueName("forge"), "correct horse battery");
            String genuine = tokens.getString("accessToken");
            String kid = header(genuine).getString("kid");
            PublicJsonWebKey serverKey = PublicJsonWebKey.Factory.newPublicJwk(
                    TestDatabase.text("SELECT jwk FROM signing_keys WHERE kid = ?", kid));
            material = new Material(genuine, tokens.getString("refreshToken"), serverKey,
                    RsaJwkGenerator.generateJwk(2048));
        }
        return material;
    }

    private static Arguments attack(String name, Attack attack) {
        return Arguments.of(name, attack);
    }

    /** A correctly signed token whose signature holds a '-' or '_', so the standard alphabet spells it otherwise. */
    private static String withUrlOnlyCharacters(Material m) throws Exception {
        String token = m.genuine();
        while (!token.substring(token.lastIndexOf('.')).matches(".*[-_].*")) {
            token = signed(m, c -> { });
        }
        return token;
    }

    private static JsonObject header(String token) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JwtClaims claims(Material m, Consumer<JwtClaims> change) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(m.genuine().split("\\.")[1]), StandardCharsets.UTF_8);
        JwtClaims claims = JwtClaims.parse(payload);
        claims.setJwtId("forged-" + System.nanoTime());
        change.accept(claims);
        return claims;
    }

    private static JsonWebSignature jws(JwtClaims claims, String algorithm, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        return jws;
    }

    private static String sign(JwtClaims claims, PublicJsonWebKey key, String kid) throws Exception {
        JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256, kid);
        jws.setKey(key.getPrivateKey());
        return jws.getCompactSerialization();
    }

    private static String signed(Material m, Consumer<JwtClaims> change) throws Exception {
        return sign(claims(m, change), m.serverKey(), m.serverKey().getKeyId());
    }

    private static String signWithHeader(Material m, String name, String value) throws Exception {
        JsonWebSignature jws = jws(claims(m, c -> { }), AlgorithmIdentifiers.RSA_USING_SHA256,
                "attacker-key");
        jws.setHeader(name, value);
        jws.setKey(m.attackerKey().getPrivateKey());
        return jws.getCompactSerialization();
    }

    private static String unsigned(Material m, String alg) throws Exception {
        JsonWebSignature jws = jws(claims(m, c -> { }), alg, m.serverKey().getKeyId());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        if ("none".equals(alg)) {
            return jws.getCompactSerialization();
        }
        String header = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"" + m.serverKey().getKeyId()
                + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + B64.encodeToString(claims(m, c -> { }).toJson().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }

}
