package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationSwitchTest {

    @Test
    void trueAndFalseInAnyCase() {
        assertTrue(RegistrationSwitch.parse("true"));
        assertTrue(RegistrationSwitch.parse(" TRUE "));
        assertFalse(RegistrationSwitch.parse("false"));
        assertFalse(RegistrationSwitch.parse("False"));
    }

    /** MicroProfile Config would read each of these as false (or "yes" as true) without a word. */
    @ParameterizedTest
    @ValueSource(strings = {"", "flase", "off", "no", "0", "yes", "1", "disabled"})
    void anythingElseStopsTheStartWithAMessageNamingTheProperty(String value) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RegistrationSwitch.parse(value));
        assertTrue(refused.getMessage().startsWith("keyturn.registration.enabled=" + value + " cannot be used"),
                refused.getMessage());
    }

    @Test
    void theDefaultIsOpen() {
        RegistrationSwitch registration = new RegistrationSwitch();
        registration.configured = "true"; // the @ConfigProperty default
        registration.check();
        assertTrue(registration.open());
    }
}
