package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionCapTest {

    private static SessionCap cap(int maxPerUser) {
        SessionCap cap = new SessionCap();
        cap.maxPerUser = maxPerUser;
        cap.check();
        return cap;
    }

    @Test
    void fromOneToTenThousand() {
        assertEquals(50, cap(50).maxPerUser());
        assertEquals(10_000, cap(10_000).maxPerUser());
        assertEquals("keyturn.sessions.max-per-user must be at least 1, not 0",
                assertThrows(IllegalStateException.class, () -> cap(0)).getMessage());
        assertEquals("keyturn.sessions.max-per-user must be at most 10000, not 10001",
                assertThrows(IllegalArgumentException.class, () -> cap(10_001)).getMessage());
    }
}
