package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningSettingsTest {

    @Test
    void theDefaultsAreValid() {
        SigningSettingsProducer producer = new SigningSettingsProducer();
        producer.algorithm = "RS256"; // the @ConfigProperty defaults
        producer.secret = Optional.empty();
        producer.key = Optional.empty();
        producer.keyFile = Optional.empty();
        producer.keyMaxAgeSeconds = "7776000";
        producer.keyPublishSeconds = "360";
        producer.keyReloadSeconds = "60";
        producer.read();
        SigningSettings settings = producer.settings();
        assertEquals(SigningAlgorithm.RS256, settings.algorithm());
        assertEquals(Optional.empty(), settings.secret());
        assertEquals(Duration.ofDays(90), settings.keyMaxAge());
        assertEquals(Duration.ofMinutes(6), settings.keyPublish());
        assertEquals(Duration.ofMinutes(1), settings.keyReload());
    }

    @Test
    void theAlgorithmIsReadInAnyCaseAndBlankSecretsCountAsUnset() {
        SigningSettings settings = SigningSettings.of(" eddsa ", " ", "", null, 100, 10, 1);
        assertEquals(SigningAlgorithm.EdDSA, settings.algorithm());
        assertTrue(settings.secret().isEmpty());
        assertTrue(settings.key().isEmpty());
        assertTrue(settings.keyFile().isEmpty());
    }

    @Test
    void anUnknownAlgorithmKeepsItsMessage() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> SigningSettings.of("none", null, null, null, 100, 10, 1));
        assertEquals("keyturn.signing.algorithm must be one of HS256, RS256, ES256 or EdDSA, not 'none'",
                refusal.getMessage());
    }

    @Test
    void durationsMustBePositive() {
        assertRefused("keyturn.signing.key-max-age-seconds must be at least 1, not 0",
                () -> SigningSettings.of("RS256", null, null, null, 0, 10, 1));
        assertRefused("keyturn.signing.key-publish-seconds must be at least 0, not -5",
                () -> SigningSettings.of("RS256", null, null, null, 100, -5, 1));
        assertRefused("keyturn.signing.key-reload-seconds must be at least 1, not 0",
                () -> SigningSettings.of("RS256", null, null, null, 100, 10, 0));
    }

    @Test
    void theSecretAndTheKeyStayOutOfItsText() {
        String text = SigningSettings.of("HS256", "a-secret-of-at-least-32-bytes-long", "PRIVATE", "/keys/k.pem",
                100, 10, 1).toString();
        assertFalse(text.contains("a-secret"), text);
        assertFalse(text.contains("PRIVATE"), text);
        assertTrue(text.contains("/keys/k.pem"), text);
    }

    @Test
    void aKeyFileThatIsPemTextIsRefusedWithoutShowingIt() {
        String pem = TestKeys.pem("ec-p256.pem");
        String body = pem.lines().filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
        for (String keyFile : List.of(pem, pem.strip().replace("\n", "\\n"), "/keys/signing.pem\n", body)) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> SigningSettings.of("ES256", null, null, keyFile, 100, 10, 1));
            assertEquals("keyturn.signing.key-file is not a path: it holds PEM text, a line break or a run of base64 "
                    + "(the value is not "
                    + "shown, it may be a key); put the PEM text in keyturn.signing.key, or write it to a file and "
                    + "give that file's path in keyturn.signing.key-file", refusal.getMessage());
        }
    }

    private static void assertRefused(String message, Runnable making) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, making::run).getMessage());
    }

    @Test
    void durationsHaveMaximums() {
        SigningSettings.of("RS256", null, null, null, 315_360_000, 2_592_000, 86400);
        assertRefused("keyturn.signing.key-max-age-seconds must be at most 315360000 (3650 days), not 9223372036854775807",
                () -> SigningSettings.of("RS256", null, null, null, Long.MAX_VALUE, 10, 1));
        assertRefused("keyturn.signing.key-publish-seconds must be at most 2592000 (30 days), not 2592001",
                () -> SigningSettings.of("RS256", null, null, null, 100, 2_592_001, 1));
        assertRefused("keyturn.signing.key-reload-seconds must be at most 86400 (1 day), not 9223372036854775807",
                () -> SigningSettings.of("RS256", null, null, null, 100, 10, Long.MAX_VALUE));
    }

    /** Payara injected the defaults for these without a word. */
    @Test
    void aDurationThatIsNoWholeNumberIsRefusedNamingTheProperty() {
        SigningSettingsProducer producer = new SigningSettingsProducer();
        producer.algorithm = "RS256";
        producer.secret = Optional.empty();
        producer.key = Optional.empty();
        producer.keyFile = Optional.empty();
        producer.keyMaxAgeSeconds = "90d";
        producer.keyPublishSeconds = "360";
        producer.keyReloadSeconds = "60";
        assertEquals("keyturn.signing.key-max-age-seconds must be a whole number, not \"90d\"",
                assertThrows(IllegalArgumentException.class, producer::read).getMessage());
        producer.keyMaxAgeSeconds = "7776000";
        producer.keyPublishSeconds = "6m";
        assertEquals("keyturn.signing.key-publish-seconds must be a whole number, not \"6m\"",
                assertThrows(IllegalArgumentException.class, producer::read).getMessage());
        producer.keyPublishSeconds = "360";
        producer.keyReloadSeconds = "1e2";
        assertEquals("keyturn.signing.key-reload-seconds must be a whole number, not \"1e2\"",
                assertThrows(IllegalArgumentException.class, producer::read).getMessage());
    }
}
