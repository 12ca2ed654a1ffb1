package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.tokens.entity.AccessTokenSettings;
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
    /** How long a token of a retired key may still be accepted: its lifetime and the validator's clock skew. */
    private static final Duration ACCEPTED = TTL.plusSeconds(AccessTokenValidator.CLOCK_SKEW_SECONDS);
    private static final Duration MAX_AGE = Duration.ofDays(90);
    private static final Duration PUBLISH = Duration.ofMinutes(6);
    private static final Duration RELOAD = Duration.ofMinutes(1);

    /** The clock of one instance, moved by the test between reloads. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The table signing_keys, in memory, with its unique (algorithm, sequence_no) slot. */
    static class FakeStore extends SigningKeyStore {
        final List<SigningKey> rows = new ArrayList<>();
        /** Stored by "another instance" just before this one's insert, which then loses the slot. */
        SigningKey rival;

        /** The database is away. */
        boolean down;

        @Override
        public List<SigningKey> newestFirst(SigningAlgorithm algorithm) {
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
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

    /** The signing settings of one test: ES256 with generated keys unless the test changes them. */
    static final class TestSettings {
        String algorithmName = "ES256";
        String secret;
        String key;
        String keyFile;
        Duration keyMaxAge = MAX_AGE;

        SigningSettings signing() {
            return SigningSettings.of(algorithmName, secret, key, keyFile, keyMaxAge.toSeconds(),
                    PUBLISH.toSeconds(), RELOAD.toSeconds());
        }
    }

    private final FakeStore store = new FakeStore();
    private final TestSettings settings = new TestSettings();

    private SigningKeys start(Instant now) {
        SigningKeys keys = new SigningKeys();
        keys.signing = settings.signing();
        keys.accessTokens = AccessTokenSettings.of("keyturn", TTL.toSeconds(), 0);
        keys.store = store;
        keys.clock = new MovableClock(now);
        keys.load();
        return keys;
    }

    /** The instance's timer firing at {@code now}. */
    private static void reloadAt(SigningKeys keys, Instant now) {
        ((MovableClock) keys.clock).now = now;
        keys.reload();
    }

    private static String tokenSignedBy(SigningKeys keys) {
        return AccessTokenTest.issuer(AccessTokenTest.defaults(), keys, Clock.systemUTC())
                .issue("user-1", "alice", "alice@example.com", Set.of("user"), "session-1", Instant.MAX).compact();
    }

    private static AccessTokenValidator validatorOf(SigningKeys keys) {
        return AccessTokenTest.validator(AccessTokenTest.defaults(), keys);
    }

    private static List<String> jwksKids(SigningKeys keys) {
        try (var reader = Json.createReader(new StringReader(keys.publicJwks()))) {
            JsonObject jwks = reader.readObject();
            return jwks.getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("kid")).toList();
        }
    }

    // ---- generated keys and rotation ----

    @Test
    void generatesTheFirstKeyInSlotOneAndSignsWithItAtOnce() {
        SigningKeys keys = start(NOW);
        assertEquals(1, store.rows.size());
        assertEquals(1, store.rows.get(0).sequenceNo());
        assertEquals(store.rows.get(0).kid(), keys.ring().signingKeyId());
        assertEquals(List.of(keys.ring().signingKeyId()), jwksKids(keys));
    }

    @Test
    void keepsAKeyYoungerThanTheMaximumAge() {
        SigningKey stored = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(89)));
        SigningKeys keys = start(NOW);
        reloadAt(keys, NOW.plus(Duration.ofHours(12)));
        assertEquals(1, store.rows.size(), "no new key");
        assertEquals(stored.kid(), keys.ring().signingKeyId());
    }

    @Test
    void aDueKeyGetsASuccessorThatIsPublishedBeforeItSignsAndRetiresAfterItsTokensExpire() throws Exception {
        SigningKey retired = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(91)));

        SigningKeys keys = start(NOW);
        SigningKey successor = store.newestFirst(SigningAlgorithm.ES256).get(0);
        assertEquals(2, successor.sequenceNo());
        assertEquals(List.of(successor.kid(), retired.kid()), jwksKids(keys), "the successor is published at once");
        assertEquals(retired.kid(), keys.ring().signingKeyId(), "but does not sign yet");
        String oldToken = tokenSignedBy(keys);

        reloadAt(keys, NOW.plus(PUBLISH).minusSeconds(1));
        assertEquals(retired.kid(), keys.ring().signingKeyId());
        reloadAt(keys, NOW.plus(PUBLISH));
        assertEquals(successor.kid(), keys.ring().signingKeyId(), "published long enough: the successor signs");
        assertEquals(List.of(successor.kid(), retired.kid()), jwksKids(keys));
        AccessTokenValidator validator = validatorOf(keys);
        assertEquals("alice", validator.validate(oldToken).username(), "a token of the retired key still verifies");
        assertEquals("alice", validator.validate(tokenSignedBy(keys)).username());

        // the last token the retired key may have signed (on an instance one reload late) has expired
        reloadAt(keys, NOW.plus(PUBLISH).plus(RELOAD).plus(ACCEPTED));
        assertEquals(List.of(successor.kid()), jwksKids(keys));
        assertThrows(InvalidTokenException.class, () -> validator.validate(oldToken),
                "the validator follows the reloaded ring");
        assertEquals(2, store.rows.size(), "no further key");
    }

    @Test
    void anInstanceStartedBeforeTheRotationPublishesTheNewKeyAtItsNextReloadAndSwitchesWithTheOthers()
            throws Exception {
        SigningKey first = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(91)));
        SigningKeys early = start(NOW.minus(DAY.multipliedBy(2)));
        assertEquals(List.of(first.kid()), jwksKids(early));

        SigningKeys rotating = start(NOW); // a second instance, started when the key was due
        String successor = store.newestFirst(SigningAlgorithm.ES256).get(0).kid();
        assertEquals(first.kid(), early.ring().signingKeyId());
        assertEquals(first.kid(), rotating.ring().signingKeyId());

        reloadAt(early, NOW.plus(RELOAD));
        assertEquals(List.of(successor, first.kid()), jwksKids(early), "the early instance publishes it too");
        assertEquals(2, store.rows.size(), "and does not rotate again");

        reloadAt(early, NOW.plus(PUBLISH).plusSeconds(20));
        reloadAt(rotating, NOW.plus(PUBLISH).plusSeconds(40));
        assertEquals(successor, early.ring().signingKeyId());
        assertEquals(successor, rotating.ring().signingKeyId());
        assertEquals("alice", validatorOf(early).validate(tokenSignedBy(rotating)).username());
        assertEquals("alice", validatorOf(rotating).validate(tokenSignedBy(early)).username());
    }

    @Test
    void dropsKeysWhoseTokensHaveAllExpired() {
        SigningKey ancient = store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(300)));
        SigningKey previous = store.put(SigningAlgorithm.ES256, 2, NOW.minus(DAY.multipliedBy(95)));
        SigningKeys keys = start(NOW);
        SigningKey newest = store.newestFirst(SigningAlgorithm.ES256).get(0);
        assertEquals(3, newest.sequenceNo());
        assertEquals(previous.kid(), keys.ring().signingKeyId(), "previous signs until its successor is published");
        assertEquals(List.of(newest.kid(), previous.kid()), jwksKids(keys));
        assertTrue(keys.ring().verifying().stream().noneMatch(k -> k.getKeyId().equals(ancient.kid())));
    }

    @Test
    void keepsARetiredKeyOnlyWhileItsTokensMayBeAlive() {
        SigningKey older = store.put(SigningAlgorithm.ES256, 1, NOW.minus(MAX_AGE).minus(Duration.ofMinutes(10)));
        SigningKey newer = store.put(SigningAlgorithm.ES256, 2, NOW.minus(Duration.ofMinutes(10)));
        SigningKeys keys = start(NOW);
        assertEquals(2, store.rows.size());
        assertEquals(newer.kid(), keys.ring().signingKeyId());
        assertEquals(List.of(newer.kid(), older.kid()), jwksKids(keys), "older signed until 4 minutes ago");

        reloadAt(keys, newer.createdAt().plus(PUBLISH).plus(RELOAD).plus(ACCEPTED).minusSeconds(1));
        assertEquals(List.of(newer.kid(), older.kid()), jwksKids(keys));
        reloadAt(keys, newer.createdAt().plus(PUBLISH).plus(RELOAD).plus(ACCEPTED));
        assertEquals(List.of(newer.kid()), jwksKids(keys));
    }

    @Test
    void anotherInstanceWinningTheSlotSignsForBoth() {
        store.put(SigningAlgorithm.ES256, 1, NOW.minus(DAY.multipliedBy(91)));
        JsonWebKey rivalKey = SigningAlgorithm.ES256.generate();
        store.rival = new SigningKey(rivalKey.getKeyId(), "ES256", 2,
                rivalKey.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), NOW);
        SigningKeys keys = start(NOW);
        assertEquals(2, store.rows.size(), "the losing key is not stored");
        assertTrue(jwksKids(keys).contains(rivalKey.getKeyId()));
        reloadAt(keys, NOW.plus(PUBLISH));
        assertEquals(rivalKey.getKeyId(), keys.ring().signingKeyId());
    }

    @Test
    void aFailedReloadKeepsTheKeysInMemory() throws Exception {
        SigningKeys keys = start(NOW);
        String kid = keys.ring().signingKeyId();
        store.down = true;
        reloadAt(keys, NOW.plus(RELOAD));
        assertEquals(kid, keys.ring().signingKeyId());
        assertEquals("alice", validatorOf(keys).validate(tokenSignedBy(keys)).username());
    }

    @Test
    void refusesAMaximumAgeNoLongerThanThePublishTime() {
        settings.keyMaxAge = PUBLISH;
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> start(NOW));
        assertTrue(refusal.getMessage().contains("keyturn.signing.key-max-age-seconds (360) must be longer than "
                + "keyturn.signing.key-publish-seconds (360)"), refusal.getMessage());
    }

    @Test
    void otherAlgorithmsKeysAreNotUsed() {
        SigningKey rsa = store.put(SigningAlgorithm.RS256, 1, NOW);
        SigningKeys keys = start(NOW);
        assertNotEquals(rsa.kid(), keys.ring().signingKeyId());
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
        assertEquals(expected.calculateBase64urlEncodedThumbprint("SHA-256"), keys.ring().signingKeyId());
        assertEquals(List.of(keys.ring().signingKeyId()), jwksKids(keys));
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
    void anUnreadableKeyFileIsNamedWithTheReasonOnly(@TempDir Path dir) {
        settings.keyFile = dir.resolve("missing.pem").toString();
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> start(NOW));
        assertEquals("keyturn.signing.key-file=" + settings.keyFile + " cannot be read: no such file",
                refusal.getMessage());
        settings.keyFile = dir.toString();
        assertStartRefused("keyturn.signing.key-file=" + dir + " is a directory");
    }

    /** The reviewer's finding: the key, pasted into the file setting, was in the message (and the log) six times. */
    @Test
    void aKeyPastedIntoTheKeyFileSettingIsInNoMessage() {
        String pem = TestKeys.pem("rsa-2048.pem");
        for (String pasted : List.of(pem, pem.strip().replace("\n", "\\n"))) {
            settings.algorithmName = "RS256";
            settings.keyFile = pasted;
            RuntimeException refusal = assertThrows(RuntimeException.class, () -> start(NOW));
            assertTrue(refusal.getMessage().startsWith("keyturn.signing.key-file is not a path"),
                    refusal.getMessage());
            assertNoPartOf(pem, refusal);
        }
    }

    @Test
    void anUnusableKeyIsInNoMessage() {
        String pem = TestKeys.pem("rsa-2048.pem");
        String broken = pem.replace(pem.lines().skip(3).findFirst().orElseThrow(), "AAAA");
        for (String key : List.of(pem, broken, pem.replace("PRIVATE KEY", "PUBLIC KEY"), pem.substring(30))) {
            settings.algorithmName = "ES256"; // the intact key is RSA: the wrong type
            settings.key = key;
            assertNoPartOf(key, assertThrows(IllegalStateException.class, () -> start(NOW)));
        }
        settings.key = null;
        settings.algorithmName = "RS256";
        settings.secret = "a secret of forty bytes, but not for RS256";
        assertNoPartOf(settings.secret, assertThrows(IllegalStateException.class, () -> start(NOW)));
        settings.algorithmName = "HS256";
        settings.secret = "too short a secret";
        assertNoPartOf(settings.secret, assertThrows(IllegalStateException.class, () -> start(NOW)));
    }

    /** No line of the value (the base64 of a key, or the secret) in the message of the refusal or of any cause. */
    private static void assertNoPartOf(String value, Throwable refusal) {
        List<String> parts = value.lines().map(String::strip).filter(line -> line.length() >= 8)
                .filter(line -> !line.startsWith("-----")).toList();
        for (Throwable t = refusal; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String part : parts) {
                assertFalse(message.contains(part), "the value is in: " + message);
            }
        }
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
