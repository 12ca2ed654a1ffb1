package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Key;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import org.junit.jupiter.api.Test;

/** Each key start-up refuses, and the message names the property the key came from. */
class KeyPolicyTest {

    private static final String SOURCE = "keyturn.signing.key";

    private static Key key(String pemFile) {
        return PemKeys.read(TestKeys.pem(pemFile), SOURCE).getPrivate();
    }

    @Test
    void acceptsAFittingKeyForEachAlgorithm() {
        assertDoesNotThrow(() -> KeyPolicy.check(SigningAlgorithm.RS256, key("rsa-2048.pem"), SOURCE));
        assertDoesNotThrow(() -> KeyPolicy.check(SigningAlgorithm.ES256, key("ec-p256.pem"), SOURCE));
        assertDoesNotThrow(() -> KeyPolicy.check(SigningAlgorithm.EdDSA, key("ed25519.pem"), SOURCE));
    }

    @Test
    void refusesRsaKeysBelow2048Bits() {
        assertRefused(SigningAlgorithm.RS256, key("rsa-1024.pem"), "1024 bits", "at least 2048");
    }

    @Test
    void refusesEcCurvesOtherThanP256ForEs256() {
        assertRefused(SigningAlgorithm.ES256, key("ec-p384.pem"), "P-384", "P-256");
    }

    @Test
    void refusesP521ForEs256() {
        Key p521 = TestKeys.generate("EC", new ECGenParameterSpec("secp521r1")).getPrivate();
        assertRefused(SigningAlgorithm.ES256, p521, "P-521", "P-256");
    }

    @Test
    void refusesTheWrongKeyTypeForEachAlgorithm() {
        assertRefused(SigningAlgorithm.RS256, key("ec-p256.pem"), "an EC key", "RS256 needs an RSA key");
        assertRefused(SigningAlgorithm.RS256, key("ed25519.pem"), "an Ed25519 key", "RS256");
        assertRefused(SigningAlgorithm.ES256, key("rsa-2048.pem"), "an RSA key", "ES256 needs an EC key");
        assertRefused(SigningAlgorithm.ES256, key("ed25519.pem"), "an Ed25519 key", "ES256");
        assertRefused(SigningAlgorithm.EdDSA, key("rsa-2048.pem"), "an RSA key", "EdDSA needs an Ed25519 key");
        assertRefused(SigningAlgorithm.EdDSA, key("ec-p256.pem"), "an EC key", "EdDSA");
    }

    @Test
    void refusesEd448ForEdDsa() {
        Key ed448 = TestKeys.generate("Ed448", NamedParameterSpec.ED448).getPrivate();
        assertRefused(SigningAlgorithm.EdDSA, ed448, "Ed448", "Ed25519");
    }

    @Test
    void refusesAPrivateKeyForHs256() {
        assertRefused(SigningAlgorithm.HS256, key("ec-p256.pem"), "HS256", "keyturn.signing.secret");
    }

    @Test
    void refusesHmacSecretsShorterThan32Bytes() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> KeyPolicy.checkHmacSecret("x".repeat(31), "keyturn.signing.secret"));
        assertTrue(refusal.getMessage().startsWith("keyturn.signing.secret is 31 bytes"), refusal.getMessage());
        assertDoesNotThrow(() -> KeyPolicy.checkHmacSecret("x".repeat(32), "keyturn.signing.secret"));
    }

    private static void assertRefused(SigningAlgorithm algorithm, Key key, String... expected) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> KeyPolicy.check(algorithm, key, SOURCE));
        assertTrue(refusal.getMessage().startsWith(SOURCE), refusal.getMessage());
        for (String part : expected) {
            assertTrue(refusal.getMessage().contains(part), () -> "'" + part + "' missing: " + refusal.getMessage());
        }
    }
}
