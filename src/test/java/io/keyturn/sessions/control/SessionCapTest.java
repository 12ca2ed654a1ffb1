package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionCapTest {

    private static SessionCap cap(int maxPerUser) {
        return cap(String.valueOf(maxPerUser));
    }

    private static SessionCap cap(String maxPerUser) {
        SessionCap cap = new SessionCap();
        cap.configured = maxPerUser;
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

    /** Payara injected the default (50) for these without a word. */
    @Test
    void aValueThatIsNoWholeNumberIsRefusedNamingTheProperty() {
        assertEquals(20, cap(" 20 ").maxPerUser());
        assertEquals("keyturn.sessions.max-per-user must be a whole number, not \"fifty\"",
                assertThrows(IllegalArgumentException.class, () -> cap("fifty")).getMessage());
        assertEquals("keyturn.sessions.max-per-user must be a whole number between -2147483648 and 2147483647, "
                + "not \"4294967297\"", assertThrows(IllegalArgumentException.class, () -> cap("4294967297"))
                        .getMessage());
    }
}
