package io.keyturn.users.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HashingLimitsTest {

    private static final long MAX_HEAP_MIB = Runtime.getRuntime().maxMemory() / (1024 * 1024);

    @Test
    void theDefaultBudgetIsAQuarterOfTheHeapAndValid() {
        assertEquals(MAX_HEAP_MIB / 4, HashingLimits.defaultMemoryMib());
        HashingLimits limits = assertDoesNotThrow(() -> new HashingLimits(HashingLimits.defaultMemoryMib(),
                HashingLimits.DEFAULT_WAIT_SECONDS, HashingLimits.DEFAULT_MAX_WAITING));
        assertEquals(HashingLimits.defaultMemoryMib() * 1024L, limits.memoryKib());
    }

    /** A budget beyond the heap bounds nothing: the computations would run out of heap before it filled. */
    @Test
    void refusalsNameTheProperty() {
        assertRefused("keyturn.password.hashing.memory-mib must be at least 1, not 0",
                () -> new HashingLimits(0, 10, 100));
        assertRefused("keyturn.password.hashing.memory-mib must be at most the JVM's maximum heap (" + MAX_HEAP_MIB
                + " MiB), not " + (MAX_HEAP_MIB + 1), () -> new HashingLimits((int) MAX_HEAP_MIB + 1, 10, 100));
        assertRefused("keyturn.password.hashing.wait-seconds must be between 0 and 60, not 61",
                () -> new HashingLimits(64, 61, 100));
        assertRefused("keyturn.password.hashing.wait-seconds must be between 0 and 60, not -1",
                () -> new HashingLimits(64, -1, 100));
        assertRefused("keyturn.password.hashing.max-waiting must be between 0 and 10000, not 10001",
                () -> new HashingLimits(64, 10, 10_001));
        assertRefused("keyturn.password.hashing.max-waiting must be between 0 and 10000, not -1",
                () -> new HashingLimits(64, 10, -1));
        assertDoesNotThrow(() -> new HashingLimits((int) MAX_HEAP_MIB, 0, 0));
    }

    private static void assertRefused(String message, Runnable making) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, making::run).getMessage());
    }
}
