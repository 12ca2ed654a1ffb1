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
        assertRefused("keyturn.password.argon2.parallelism must be between 1 and 16, not 0",
                () -> new Argon2Settings(19456, 2, 0));
        assertRefused("keyturn.password.argon2.iterations must be at least 1, not 0",
                () -> new Argon2Settings(19456, 0, 1));
        assertRefused("keyturn.password.argon2.memory-kib must be at least 8 times keyturn.password.argon2.parallelism "
                + "(32), not 31", () -> new Argon2Settings(31, 2, 4));
    }

    private static void assertRefused(String message, Runnable making) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, making::run).getMessage());
    }

    /**
     * memory-kib 2000000000 started and then failed every register and login (500); iterations 2^31 - 1 made each
     * login a denial of service.
     */
    @Test
    void eachHasAMaximum() {
        assertDoesNotThrow(() -> new Argon2Settings(4 * 1024 * 1024, 16, 16));
        assertRefused("keyturn.password.argon2.memory-kib must be at most 4194304, not 2000000000",
                () -> new Argon2Settings(2_000_000_000, 2, 1));
        assertRefused("keyturn.password.argon2.memory-kib must be at most 4194304, not 4194305",
                () -> new Argon2Settings(4 * 1024 * 1024 + 1, 2, 1));
        assertRefused("keyturn.password.argon2.iterations must be at most 16, not 2147483647",
                () -> new Argon2Settings(19456, Integer.MAX_VALUE, 1));
        assertRefused("keyturn.password.argon2.parallelism must be between 1 and 16, not 17",
                () -> new Argon2Settings(19456, 2, 17));
    }
}
