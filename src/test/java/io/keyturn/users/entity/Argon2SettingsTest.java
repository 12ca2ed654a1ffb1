package io.keyturn.users.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Argon2SettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertDoesNotThrow(() -> new Argon2Settings(19456, 2, 1));
    }

    @Test
    void refusalsNameTheProperty() {
        assertRefused("keyturn.password.argon2.parallelism must be between 1 and 16777215, not 0",
                () -> new Argon2Settings(19456, 2, 0));
        assertRefused("keyturn.password.argon2.iterations must be at least 1, not 0",
                () -> new Argon2Settings(19456, 0, 1));
        assertRefused("keyturn.password.argon2.memory-kib must be at least 8 times keyturn.password.argon2.parallelism "
                + "(32), not 31", () -> new Argon2Settings(31, 2, 4));
    }

    private static void assertRefused(String message, Runnable making) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, making::run).getMessage());
    }
}
