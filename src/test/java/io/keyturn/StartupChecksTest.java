package io.keyturn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartupChecksTest {

    /** CDI wraps the exception of a failed creation; the one line logged is the check's own message. */
    @Test
    void theReasonIsTheChecksOwnMessage() {
        IllegalArgumentException refusal = new IllegalArgumentException(
                "keyturn.throttle.window-seconds must be a whole number, not \"15m\"");
        assertEquals(refusal.getMessage(), StartupChecks.reason(
                new RuntimeException("WELD-000049: Unable to invoke read() on the producer", refusal)));
        assertEquals(refusal.getMessage(), StartupChecks.reason(refusal));
        assertEquals("java.lang.NullPointerException", StartupChecks.reason(new NullPointerException()));
    }
}
