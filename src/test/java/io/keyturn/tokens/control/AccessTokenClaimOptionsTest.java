package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AccessTokenClaimOptionsTest {

    @Test
    void theDefaultLeavesTheEmailOut() {
        assertFalse(AccessTokenClaimOptions.DEFAULTS.email());
        AccessTokenClaimOptionsProducer producer = new AccessTokenClaimOptionsProducer();
        producer.emailClaim = "false"; // the @ConfigProperty default
        producer.read();
        assertEquals(AccessTokenClaimOptions.DEFAULTS, producer.options());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void trueTurnsTheEmailClaimOn(String value) {
        assertTrue(AccessTokenClaimOptions.parse(value).email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", " False"})
    void falseLeavesItOff(String value) {
        assertFalse(AccessTokenClaimOptions.parse(value).email());
    }

    /** MicroProfile Config would read each of these as false without a word; Keyturn refuses to start instead. */
    @ParameterizedTest
    @ValueSource(strings = {"", "yes", "1", "on", "ture", "flase"})
    void anythingElseIsRefusedWithTheSettingsName(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AccessTokenClaimOptions.parse(value));
        assertTrue(refused.getMessage().contains("keyturn.access-token.email-claim"), refused.getMessage());
    }
}
