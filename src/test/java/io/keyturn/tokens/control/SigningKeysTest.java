package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.configuration.Settings;
import io.keyturn.tokens.entity.SigningKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SigningKeys} at start-up, without a container: a fake in-memory {@link SigningKeyStore}, real keys, real
 * signatures, checked by the real {@link AccessTokenValidator}.
 */
class SigningKeysTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration MAX_AGE = Duration.ofDays(90);

    /** The table signing_keys, in memory, with its unique (algorithm, sequence_no) slot. */
    static class FakeStore extends SigningKeyStore {
        final List<SigningKey> rows = new ArrayList<>();
        /** Stored by "another instance" just before this one's insert, which then loses the slot. */
        SigningKey rival;

        @Override
        public Optional<SigningKey> newest(SigningAlgorithm algorithm) {
            return newestFirst(algorithm).stream().findFirst();
        }

        @Override
        public List<SigningKey> newestFirst(SigningAlgorithm algorithm) {
            return rows.stream().filter(k -> k.algorithm().equals(algorithm.jwsName()))
                    .sorted(Comparator.comparingInt(SigningKey::sequenceNo).reversed()).toList();
        }

        @Override
        public void add(SigningKey key) {
            if (rival != null) {
                rows.add(rival);
                rival = null;
            }
            boolean taken = rows.stream().anyMatch(k -> k.algorithm().equals(key.algorithm())
                    && k.sequenceNo() == key.sequenceNo());
            if (taken) {
                throw new IllegalStateException("duplicate key: ux_signing_keys_slot");
            }
            rows.add(key);
        }

        SigningKey put(SigningAlgorithm algorithm, int sequenceNo, Instant createdAt) {
            JsonWebKey jwk = algorithm.generate();
            SigningKey row = new SigningKey(jwk.getKeyId(), algorithm.jwsName(), sequenceNo,
                    jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), createdAt);
            rows.add(row);
            return row;
        }
    }

    static class TestSettings extends Settings {
        String algorithmName = "ES256";
        String secret;
        String key;
        String keyFile;

        @Override
        public String issuer() {
            return "keyturn";
        }

        @Override
        public String audience() {
            return "keyturn";
        }

        @Override
        public Duration accessTokenTtl() {
            return TTL;
        }

        @Override
        public String signingAlgorithm() {
            return algorithmName;
        }

        @Override
        public Optional<String> signingSecret() {
            return Optional.ofNullable(secret);
        }

        @Override
        public Optional<String> signingKey() {
            return Optional.ofNullable(key);
        }

        @Override
        public Optional<String> signingKeyFile() {
            return Optional.ofNullable(keyFile);
        }

        @Override
        public Duration signingKeyMaxAge() {
            return MAX_AGE;
        }
    }

    private final FakeStore store = new FakeStore();
    private final TestSettings settings = new TestSettings();

    private SigningKeys start(Instant now) {
        SigningKeys keys = new SigningKeys();
        keys.settings = settings;
        keys.store = store;
        keys.clock = Clock.fixed(now, ZoneOffset.UTC);
        keys.load();
        return keys;
    }

    private static String tokenSignedBy(SigningKeys keys) {
        return AccessTokenTest.issuer(new TestSettings(), keys, Clock.systemUTC())
                .issue("user-1", "alice", "alice@example.com", Set.of("user"), "session-1").compact();
    }

    private static AccessTokenValidator validatorOf(SigningKeys keys) {
        return AccessTokenTest.validator(new TestSettings(), keys);
    }

    private static List<String> jwksKids(SigningKeys keys) {
        try (var reader = Json.createReader(new StringReader(keys.publicJwks()))) {
            JsonObject jwks = reader.readObject();
            return jwks.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")).toList();
        }
    }

    // ---- generated keys and rotation ----

    @Test
    void generatesTheFirstKeyInSlotOne() {
        SigningKeys keys = start(NOW);
        assertEquals(1, store.rows.size());
        assertEquals(1, store.rows.get(0).sequenceNo());
        assertEquals(store.rows.get(0).kid(), keys.signingKeyId());
        assertEquals(List.of(keys.signingKeyId()), jwksKids(keys));
    }

    @Test
    void keepsAKeyYoungerThanTheMaximumAge() {
        SigningKey stored = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(89)));
        SigningKeys keys = start(NOW);
        assertEquals(1, store.rows.size(), "no new key");
        assertEquals(stored.kid(), keys.signingKeyId());
    }

    @Test
    void rotatesAKeyOlderThanTheMaximumAgeAndTheRetiredKeyStillVerifies() throws Exception {
        SigningKey retired = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(91)));
        // an instance that started before the rotation, still signing with the retired key
        SigningKeys before = start(NOW.minus(DAY.multipliedBy(2)));
        assertEquals(retired.kid(), before.signingKeyId());
        String oldToken = tokenSignedBy(before);

        SigningKeys keys = start(NOW);

        SigningKey newest = store.newestFirst(SigningAlgorithm.ES256).get(0);
        assertEquals(2, newest.sequenceNo());
        assertEquals(newest.kid(), keys.signingKeyId(), "the newest key signs");
        assertNotEquals(retired.kid(), keys.signingKeyId());
        assertEquals(List.of(newest.kid(), retired.kid()), jwksKids(keys), "the JWKS lists both keys");

        AccessTokenValidator validator = validatorOf(keys);
        assertEquals("alice", validator.validate(oldToken).username(), "a token of the retired key still verifies");
        assertEquals("alice", validator.validate(tokenSignedBy(keys)).username());
    }

    @Test
    void refusesATokenWhoseKidIsNotInTheSet() {
        store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(91)));
        SigningKeys keys = start(NOW);
        SigningKeys stranger = AccessTokenTest.keys(SigningAlgorithm.ES256, SigningAlgorithm.ES256.generate());
        assertTrue(jwksKids(keys).stream().noneMatch(stranger.signingKeyId()::equals));
        assertThrows(InvalidTokenException.class, () -> validatorOf(keys).validate(tokenSignedBy(stranger)));
    }

    @Test
    void dropsKeysWhoseTokensHaveAllExpired() {
        SigningKey ancient = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(300)));
        SigningKey previous = store.put(SigningAlgorithm.ES256, 2, NOW.minus(DAY.multipliedBy(95)));
        SigningKeys keys = start(NOW);
        SigningKey newest = store.newestFirst(SigningAlgorithm.ES256).get(0);
        assertEquals(3, newest.sequenceNo());
        // previous is older than 90 days + 15 min, but it was retired just now: its tokens may still be alive
        assertEquals(List.of(newest.kid(), previous.kid()), jwksKids(keys));
        assertTrue(keys.verificationKeys().stream().noneMatch(k -> k.getKeyId().equals(ancient.kid())));
    }

    @Test
    void keepsEveryKeyYoungerThanMaximumAgePlusTokenLifetime() {
        SigningKey older = store.put(SigningAlgorithm.ES256, 1, NOW.minus(MAX_AGE).minus(Duration.ofMinutes(5)));
        SigningKey newer = store.put(SigningAlgorithm.ES256, 2, NOW.minus(DAY.multipliedBy(2)));
        SigningKeys keys = start(NOW);
        assertEquals(2, store.rows.size());
        assertEquals(newer.kid(), keys.signingKeyId());
        assertEquals(List.of(newer.kid(), older.kid()), jwksKids(keys));
    }

    @Test
    void anotherInstanceWinningTheSlotSignsForBoth() {
        store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(91)));
        JsonWebKey rivalKey = SigningAlgorithm.ES256.generate();
        store.rival = new SigningKey(rivalKey.getKeyId(), "ES256", 2,
                rivalKey.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), NOW);
        SigningKeys keys = start(NOW);
        assertEquals(rivalKey.getKeyId(), keys.signingKeyId());
        assertEquals(2, store.rows.size(), "the losing key is not stored");
    }

    @Test
    void otherAlgorithmsKeysAreNotUsed() {
        SigningKey rsa = store.put(SigningAlgorithm.RS256, 1, NOW);
        SigningKeys keys = start(NOW);
        assertNotEquals(rsa.kid(), keys.signingKeyId());
        assertEquals(1, jwksKids(keys).size());
    }

    // ---- supplied keys ----

    @Test
    void signsWithASuppliedKeyAndPublishesItsPublicKey() throws Exception {
        settings.key = TestKeys.pem("ec-p256.pem");
        SigningKeys keys = start(NOW);
        assertTrue(store.rows.isEmpty(), "a supplied key is not stored");
        PublicJsonWebKey expected = PublicJsonWebKey.Factory.newPublicJwk(
                PemKeys.read(TestKeys.pem("ec-p256.pem"), "test").getPublic());
        assertEquals(expected.calculateBase64urlEncodedThumbprint("SHA-256"), keys.signingKeyId());
        assertEquals(List.of(keys.signingKeyId()), jwksKids(keys));
        assertTrue(!keys.publicJwks().contains("\"d\""), "no private part in the JWKS");
        assertEquals("alice", validatorOf(keys).validate(tokenSignedBy(keys)).username());
    }

    @Test
    void readsTheKeyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing.pem");
        Files.writeString(file, TestKeys.pem("rsa-2048-pkcs1.pem"));
        settings.algorithmName = "RS256";
        settings.keyFile = file.toString();
        SigningKeys keys = start(NOW);
        assertEquals(SigningAlgorithm.RS256, keys.algorithm());
        JsonObject jwk = Json.createReader(new StringReader(keys.publicJwks())).readObject()
                .getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", jwk.getString("kty"));
        assertEquals("RS256", jwk.getString("alg"));
        assertEquals("sig", ((JsonString) jwk.get("use")).getString());
        assertEquals("alice", validatorOf(keys).validate(tokenSignedBy(keys)).username());
    }

    @Test
    void signsWithASuppliedEd25519Key() throws Exception {
        settings.algorithmName = "EdDSA";
        settings.key = TestKeys.pem("ed25519.pem");
        SigningKeys keys = start(NOW);
        assertEquals("alice", validatorOf(keys).validate(tokenSignedBy(keys)).username());
    }

    @Test
    void refusesAKeyOfTheWrongTypeNamingTheProperty() {
        settings.algorithmName = "ES256";
        settings.key = TestKeys.pem("rsa-2048.pem");
        assertStartRefused("keyturn.signing.key is an RSA key", "ES256");
    }

    @Test
    void refusesAWeakKeyFromAFileNamingTheProperty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("weak.pem");
        Files.writeString(file, TestKeys.pem("rsa-1024.pem"));
        settings.algorithmName = "RS256";
        settings.keyFile = file.toString();
        assertStartRefused("keyturn.signing.key-file (" + file + ") is an RSA key of 1024 bits");
    }

    @Test
    void refusesAMissingKeyFile(@TempDir Path dir) {
        settings.keyFile = dir.resolve("missing.pem").toString();
        assertStartRefused("keyturn.signing.key-file=" + settings.keyFile + " cannot be read");
    }

    @Test
    void refusesAnUnparsableKey() {
        settings.key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----";
        assertStartRefused("keyturn.signing.key is not a readable");
    }

    @Test
    void refusesAPrivateKeyWithHs256() {
        settings.algorithmName = "HS256";
        settings.key = TestKeys.pem("ec-p256.pem");
        assertStartRefused("keyturn.signing.key is set, but keyturn.signing.algorithm=HS256");
    }

    @Test
    void refusesBothKeyAndKeyFile() {
        settings.key = TestKeys.pem("ec-p256.pem");
        settings.keyFile = "/somewhere.pem";
        assertStartRefused("keyturn.signing.key and keyturn.signing.key-file are both set");
    }

    @Test
    void refusesBothSecretAndKey() {
        settings.algorithmName = "HS256";
        settings.secret = "s".repeat(40);
        settings.key = TestKeys.pem("ec-p256.pem");
        assertStartRefused("keyturn.signing.secret and keyturn.signing.key are both set");
    }

    @Test
    void refusesAShortHmacSecret() {
        settings.algorithmName = "HS256";
        settings.secret = "s".repeat(31);
        assertStartRefused("keyturn.signing.secret is 31 bytes");
    }

    @Test
    void acceptsAnHmacSecretAndPublishesNothing() {
        settings.algorithmName = "HS256";
        settings.secret = "s".repeat(32);
        SigningKeys keys = assertDoesNotThrow(() -> start(NOW));
        assertEquals(List.of(), jwksKids(keys));
    }

    private void assertStartRefused(String... expected) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> start(NOW));
        for (String part : expected) {
            assertTrue(refusal.getMessage().contains(part), () -> "'" + part + "' missing: " + refusal.getMessage());
        }
    }
}
