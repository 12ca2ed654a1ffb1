package io.keyturn.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingSwitchesTest {

    @Test
    void readsWhatMicroProfileConfigReadAsTrueAndTheOpposites() {
        for (String on : List.of("true", "TRUE", " True ", "yes", "Y", "on", "ON", "1")) {
            assertTrue(SettingSwitches.onOrOff(on, "keyturn.x"), on);
        }
        for (String off : List.of("false", "FALSE", " false\t", "no", "N", "off", "0")) {
            assertFalse(SettingSwitches.onOrOff(off, "keyturn.x"), off);
        }
    }

    /** MicroProfile Config read each of these as false. */
    @Test
    void refusesEverythingElseNamingTheProperty() {
        for (String typo : Arrays.asList("ture", "flase", "enabled", "2", "", null)) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> SettingSwitches.onOrOff(typo, "keyturn.cookie.secure"));
            assertEquals("keyturn.cookie.secure must be true or false (also yes/no, on/off, 1/0), not \"" + typo
                    + "\"", refusal.getMessage());
        }
    }
}
