package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.tokens.entity.AccessToken;
import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.tokens.entity.VerifiedClaims;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The access token issuer and validator, wired by hand: no container, real keys of every supported algorithm. */
class AccessTokenTest {

    private static final String USER_ID = "6f1c3a52-0d55-4f0e-9a53-3f1c1d0f7e11";
    private static final String SESSION_ID = "2b0f9d4e-8b7a-4c33-a1a2-5d6e7f809a1b";
    private static final Set<String> ROLES = new LinkedHashSet<>(List.of("user", "admin"));
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_OUT = Base64.getUrlEncoder().withoutPadding();

    /** Generating an RSA key takes a while; one key per algorithm for the whole class. */
    private static final Map<SigningAlgorithm, JsonWebKey> KEYS = new EnumMap<>(SigningAlgorithm.class);

    private static synchronized JsonWebKey keyFor(SigningAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, SigningAlgorithm::generate);
    }

    /** What the issuer and the validator are configured with. */
    record TokenConfig(Issuer issuer, AccessTokenSettings tokens) {
    }

    /** Without the verified-token cache, so every validation in these tests checks the signature. */
    static TokenConfig settings(String issuer, String audience, Duration ttl) {
        return new TokenConfig(new Issuer(issuer), AccessTokenSettings.of(audience, ttl.toSeconds(), 0));
    }

    static SigningKeys keys(SigningAlgorithm algorithm, JsonWebKey key) {
        SigningKeys keys = new SigningKeys();
        keys.use(algorithm, key);
        return keys;
    }

    static AccessTokenIssuer issuer(TokenConfig settings, SigningKeys keys, Clock clock) {
        return issuer(settings, keys, clock, AccessTokenClaimOptions.DEFAULTS);
    }

    static AccessTokenIssuer issuer(TokenConfig settings, SigningKeys keys, Clock clock,
            AccessTokenClaimOptions options) {
        AccessTokenIssuer issuer = new AccessTokenIssuer();
        issuer.issuer = settings.issuer();
        issuer.settings = settings.tokens();
        issuer.keys = keys;
        issuer.clock = clock;
        issuer.options = options;
        return issuer;
    }

    static AccessTokenValidator validator(TokenConfig settings, SigningKeys keys) {
        AccessTokenValidator validator = new AccessTokenValidator();
        validator.issuer = settings.issuer();
        validator.settings = settings.tokens();
        validator.keys = keys;
        validator.buildConsumer();
        return validator;
    }

    static TokenConfig defaults() {
        return settings(Issuer.DEFAULT, "keyturn", TTL);
    }

    private static SigningKeys es256() {
        return keys(SigningAlgorithm.ES256, keyFor(SigningAlgorithm.ES256));
    }

    private static String issue(AccessTokenIssuer issuer) {
        return issuer.issue(USER_ID, "alice", "alice@example.com", ROLES, SESSION_ID, Instant.MAX).compact();
    }

    private static JsonObject part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        assertEquals(3, parts.length, "a JWS compact serialization has three parts");
        String json = new String(B64URL.decode(parts[index]), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String encode(JsonObject json) {
        return B64URL_OUT.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(AccessTokenValidator validator, String token) {
        assertThrows(InvalidTokenException.class, () -> validator.validate(token),
                () -> "should be refused: " + (token.length() > 200 ? token.substring(0, 200) + "..." : token));
    }

    @Test
    void headerNamesAlgorithmKeyAndType() {
        SigningKeys keys = es256();
        String token = issue(issuer(defaults(), keys, Clock.systemUTC()));
        JsonObject header = part(token, 0);
        assertEquals("ES256", header.getString("alg"));
        assertEquals(keys.ring().signingKeyId(), header.getString("kid"));
        assertFalse(header.getString("kid").isBlank());
        assertEquals("JWT", header.getString("typ"));
    }

    /** The session's end (its refresh token's) caps the token: it never outlives the session it was issued for. */
    @Test
    void aTokenNeverOutlivesItsSession() {
        Instant now = Instant.parse("2030-01-02T03:04:05Z");
        TokenConfig settings = settings("https://issuer.example", "the-audience", Duration.ofSeconds(900));
        AccessTokenIssuer issuer = issuer(settings, es256(), Clock.fixed(now, ZoneOffset.UTC));

        AccessToken nearTheEnd = issuer.issue(USER_ID, "alice", "alice@example.com", ROLES, SESSION_ID,
                now.plusSeconds(100));
        assertEquals(100, nearTheEnd.expiresInSeconds());
        assertEquals(now.getEpochSecond() + 100, part(nearTheEnd.compact(), 1).getJsonNumber("exp").longValueExact());

        AccessToken lastMoment = issuer.issue(USER_ID, "alice", "alice@example.com", ROLES, SESSION_ID,
                now.plusMillis(400));
        assertEquals(1, lastMoment.expiresInSeconds(), "rounded up, never an already expired token");
        assertEquals(900, issuer.issue(USER_ID, "alice", "alice@example.com", ROLES, SESSION_ID,
                now.plus(Duration.ofDays(7))).expiresInSeconds());
    }

    @Test
    void claimsAreTheContractsClaimSet() {
        Instant now = Instant.parse("2030-01-02T03:04:05Z");
        TokenConfig settings = settings("https://issuer.example", "the-audience", Duration.ofSeconds(1234));
        AccessTokenIssuer issuer = issuer(settings, es256(), Clock.fixed(now, ZoneOffset.UTC));
        AccessToken access = issuer.issue(USER_ID, "alice", "alice@example.com", ROLES, SESSION_ID, Instant.MAX);
        assertEquals(1234, access.expiresInSeconds());

        JsonObject claims = part(access.compact(), 1);
        assertEquals("https://issuer.example", claims.getString("iss"));
        JsonValue aud = claims.get("aud");
        assertTrue(aud instanceof JsonString s ? s.getString().equals("the-audience")
                : aud.asJsonArray().getValuesAs(JsonString::getString).equals(List.of("the-audience")),
                () -> "aud is " + aud);
        assertEquals(USER_ID, claims.getString("sub"), "sub is the user id as a string");
        assertEquals("alice", claims.getString("upn"));
        assertEquals("alice", claims.getString("preferred_username"));
        assertEquals(ROLES, Set.copyOf(claims.getJsonArray("groups").getValuesAs(JsonString::getString)));
        assertEquals(2, claims.getJsonArray("groups").size());
        assertEquals(now.getEpochSecond(), claims.getJsonNumber("iat").longValueExact());
        assertEquals(now.getEpochSecond() + 1234, claims.getJsonNumber("exp").longValueExact(), "exp = iat + ttl");
        assertFalse(claims.getString("jti").isBlank());
        assertEquals(SESSION_ID, claims.getString("sid"));
        assertEquals(Set.of("iss", "aud", "sub", "upn", "preferred_username", "groups", "iat", "exp", "jti", "sid"),
                claims.keySet(), "the contract's claims and nothing else: no personal data such as email");
    }

    @Test
    void theDefaultTokenHasNoEmailClaim() throws InvalidTokenException {
        SigningKeys keys = es256();
        String token = issue(issuer(defaults(), keys, Clock.systemUTC()));
        assertFalse(part(token, 1).containsKey("email"));
        assertNull(validator(defaults(), keys).validate(token).email());
    }

    @Test
    void theEmailClaimIsOptIn() throws InvalidTokenException {
        SigningKeys keys = es256();
        String token = issue(issuer(defaults(), keys, Clock.systemUTC(), AccessTokenClaimOptions.parse("true")));
        assertEquals("alice@example.com", part(token, 1).getString("email"));
        assertEquals("alice@example.com", validator(defaults(), keys).validate(token).email());
    }

    @Test
    void defaultLifetimeIsFifteenMinutes() {
        Instant now = Instant.parse("2030-01-02T03:04:05Z");
        AccessToken access = issuer(defaults(), es256(), Clock.fixed(now, ZoneOffset.UTC))
                .issue(USER_ID, "alice", "alice@example.com", Set.of("user"), SESSION_ID, Instant.MAX);
        assertEquals(900, access.expiresInSeconds());
        JsonObject claims = part(access.compact(), 1);
        assertEquals(900, claims.getJsonNumber("exp").longValueExact() - claims.getJsonNumber("iat").longValueExact());
        assertEquals(List.of("user"), claims.getJsonArray("groups").getValuesAs(JsonString::getString));
    }

    @Test
    void jtiIsUniqueAcrossTokens() {
        AccessTokenIssuer issuer = issuer(defaults(), es256(), Clock.fixed(Instant.now(), ZoneOffset.UTC));
        String first = part(issue(issuer), 1).getString("jti");
        String second = part(issue(issuer), 1).getString("jti");
        assertNotEquals(first, second);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void roundTripForEachAlgorithm(SigningAlgorithm algorithm) throws InvalidTokenException {
        SigningKeys keys = keys(algorithm, keyFor(algorithm));
        String token = issue(issuer(defaults(), keys, Clock.systemUTC()));
        assertEquals(algorithm.jwsName(), part(token, 0).getString("alg"));

        VerifiedClaims claims = validator(defaults(), keys).validate(token);
        assertEquals(USER_ID, claims.userId());
        assertEquals("alice", claims.username());
        assertNull(claims.email(), "no email claim by default");
        assertEquals(ROLES, claims.groups());
        assertEquals(SESSION_ID, claims.sessionId());
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aTokenSignedByAnotherKeyWithTheSameKidIsRefused(SigningAlgorithm algorithm) {
        SigningKeys real = keys(algorithm, keyFor(algorithm));
        JsonWebKey foreign = algorithm.generate();
        foreign.setKeyId(real.ring().signingKeyId());
        String forged = issue(issuer(defaults(), keys(algorithm, foreign), Clock.systemUTC()));
        assertEquals(real.ring().signingKeyId(), part(forged, 0).getString("kid"));
        assertRefused(validator(defaults(), real), forged);
    }

    @Test
    void aTamperedPayloadIsRefused() throws InvalidTokenException {
        SigningKeys keys = es256();
        AccessTokenValidator validator = validator(defaults(), keys);
        String token = issue(issuer(defaults(), keys, Clock.systemUTC()));
        validator.validate(token); // the untouched token is fine

        String[] parts = token.split("\\.");
        JsonObject claims = part(token, 1);
        JsonObject escalated = Json.createObjectBuilder(claims).add("sub", "someone-else")
                .add("groups", Json.createArrayBuilder().add("user").add("admin").add("root")).build();
        assertRefused(validator, parts[0] + "." + encode(escalated) + "." + parts[2]);

        // one flipped character in the payload
        char[] payload = parts[1].toCharArray();
        payload[payload.length / 2] = payload[payload.length / 2] == 'A' ? 'B' : 'A';
        assertRefused(validator, parts[0] + "." + new String(payload) + "." + parts[2]);
    }

    @Test
    void aTamperedSignatureIsRefused() {
        SigningKeys keys = es256();
        String token = issue(issuer(defaults(), keys, Clock.systemUTC()));
        String[] parts = token.split("\\.");
        String other = issue(issuer(defaults(), keys, Clock.systemUTC())).split("\\.")[2];
        assertRefused(validator(defaults(), keys), parts[0] + "." + parts[1] + "." + other);
        assertRefused(validator(defaults(), keys), parts[0] + "." + parts[1] + ".");
    }

    @Test
    void aWrongIssuerIsRefused() throws InvalidTokenException {
        SigningKeys keys = es256();
        AccessTokenValidator validator = validator(defaults(), keys);
        TokenConfig other = settings("https://someone-else.example", "keyturn", TTL);
        String foreign = issue(issuer(other, keys, Clock.systemUTC()));
        assertRefused(validator, foreign);
        assertDoesNotThrow(() -> validator(other, keys).validate(foreign),
                "the same token is fine for a validator expecting that issuer");
    }

    @Test
    void aWrongAudienceIsRefused() {
        SigningKeys keys = es256();
        AccessTokenValidator validator = validator(defaults(), keys);
        String foreign = issue(issuer(settings(Issuer.DEFAULT, "another-service", TTL), keys, Clock.systemUTC()));
        assertRefused(validator, foreign);
        assertDoesNotThrow(() -> validator(settings(Issuer.DEFAULT, "another-service", TTL), keys).validate(foreign));
    }

    @Test
    void anExpiredTokenIsRefused() {
        SigningKeys keys = es256();
        AccessTokenValidator validator = validator(defaults(), keys);
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = issue(issuer(defaults(), keys, anHourAgo));
        assertTrue(part(expired, 1).getJsonNumber("exp").longValueExact() < Instant.now().getEpochSecond());
        assertRefused(validator, expired);

        Clock aMinuteAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        assertDoesNotThrow(() -> validator.validate(issue(issuer(defaults(), keys, aMinuteAgo))),
                "a token issued a minute ago is still within its lifetime");
    }

    @Test
    void algNoneIsRefused() {
        SigningKeys keys = es256();
        String token = issue(issuer(defaults(), keys, Clock.systemUTC()));
        JsonObject none = Json.createObjectBuilder(part(token, 0)).add("alg", "none").build();
        String payload = token.split("\\.")[1];
        AccessTokenValidator validator = validator(defaults(), keys);
        assertRefused(validator, encode(none) + "." + payload + ".");
        assertRefused(validator, encode(none) + "." + payload + "." + token.split("\\.")[2]);
        JsonObject noneLower = Json.createObjectBuilder(part(token, 0)).add("alg", "None").build();
        assertRefused(validator, encode(noneLower) + "." + payload + ".");
    }

    @Test
    void anotherAlgorithmThanTheConfiguredOneIsRefused() {
        // an HS256 token under the ES256 key's kid: algorithm confusion must not work
        SigningKeys real = es256();
        JsonWebKey hmac = SigningAlgorithm.HS256.generate();
        hmac.setKeyId(real.ring().signingKeyId());
        String confused = issue(issuer(defaults(), keys(SigningAlgorithm.HS256, hmac), Clock.systemUTC()));
        assertRefused(validator(defaults(), real), confused);
    }

    @Test
    void aTokenLongerThan8192CharactersIsRefused() throws Exception {
        SigningKeys keys = es256();
        AccessTokenValidator validator = validator(defaults(), keys);
        String fits = signedWithPadding(keys, 100);
        assertTrue(fits.length() < AccessTokenValidator.MAX_TOKEN_LENGTH);
        validator.validate(fits); // correctly signed and otherwise valid

        String tooLong = signedWithPadding(keys, AccessTokenValidator.MAX_TOKEN_LENGTH);
        assertTrue(tooLong.length() > 8192, "length " + tooLong.length());
        assertRefused(validator, tooLong);
    }

    /** A correctly signed, otherwise valid token carrying an extra claim of the given size. */
    private static String signedWithPadding(SigningKeys keys, int padding) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(Issuer.DEFAULT);
        claims.setAudience("keyturn");
        claims.setSubject(USER_ID);
        claims.setClaim("upn", "alice");
        claims.setClaim("preferred_username", "alice");
        claims.setStringListClaim("groups", List.of("user"));
        claims.setIssuedAt(NumericDate.now());
        NumericDate exp = NumericDate.now();
        exp.addSeconds(600);
        claims.setExpirationTime(exp);
        claims.setJwtId("padding-" + padding);
        claims.setClaim("sid", SESSION_ID);
        claims.setClaim("padding", "x".repeat(padding));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(keys.algorithm().jwsName());
        jws.setKeyIdHeaderValue(keys.ring().signingKeyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(keys.ring().signingKey());
        return jws.getCompactSerialization();
    }

    @Test
    void aTokenWithoutSidIsRefused() throws Exception {
        SigningKeys keys = es256();
        String good = signedWithPadding(keys, 1);
        JwtClaims claims = JwtClaims.parse(new String(B64URL.decode(good.split("\\.")[1]), StandardCharsets.UTF_8));
        claims.unsetClaim("sid");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKeyIdHeaderValue(keys.ring().signingKeyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(((PublicJsonWebKey) keyFor(SigningAlgorithm.ES256)).getPrivateKey());
        assertRefused(validator(defaults(), keys), jws.getCompactSerialization());
    }

    /**
     * RFC 7515 §2: a valid token re-spelled (padding, standard alphabet, other unused bits) decodes to the same bytes
     * and verifies with jose4j's lenient decoder, so it must be refused before verification and the cache.
     */
    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "ES256"})
    void aNonCanonicalSpellingOfAValidTokenIsRefused(SigningAlgorithm algorithm) throws InvalidTokenException {
        SigningKeys keys = keys(algorithm, keyFor(algorithm));
        AccessTokenValidator validator = validator(defaults(), keys);
        AccessTokenIssuer issuer = issuer(defaults(), keys, Clock.systemUTC());
        String token = issue(issuer);
        while (!token.substring(token.lastIndexOf('.')).matches(".*[-_].*")) {
            token = issue(issuer); // a signature that differs between the two alphabets
        }
        validator.validate(token); // genuine, and now in the verified-token cache
        String[] parts = token.split("\\.");
        String signature = parts[2];
        assertEquals(2, signature.length() % 4, "RS256 (256 bytes) and ES256 (64 bytes) leave 4 unused bits");

        assertRefused(validator, token + "==");
        assertRefused(validator, parts[0] + "." + parts[1] + "." + signature.replace('-', '+').replace('_', '/'));
        char last = signature.charAt(signature.length() - 1);
        String withUnusedBits = signature.substring(0, signature.length() - 1) + sameBytesOtherBits(last);
        assertArrayEquals(B64URL.decode(signature), B64URL.decode(withUnusedBits), "the same signature bytes");
        assertRefused(validator, parts[0] + "." + parts[1] + "." + withUnusedBits);
        assertRefused(validator, parts[0] + "=." + parts[1] + "." + signature);
        assertRefused(validator, parts[0] + "." + parts[1] + "=." + signature);
        validator.validate(token); // the canonical spelling still passes
    }

    /** The base64url character with the same high 2 bits as {@code c} and non-zero low 4 bits. */
    private static char sameBytesOtherBits(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(c) | 0b0101);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "not.a.jwt", "a.b.c", "....", "eyJhbGciOiJFUzI1NiJ9",
            "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0", "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.AAAA", "Bearer x",
            "{\"alg\":\"none\"}", "\u0000\u0001\u0002"})
    void garbageIsRefused(String garbage) {
        assertRefused(validator(defaults(), es256()), garbage);
    }
}
