package io.keyturn.throttling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.throttling.entity.ThrottleCounter;
import io.keyturn.throttling.entity.ThrottlePolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle settings as start-up reads them, and what the documented values mean to a counter. */
class ThrottleSettingsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    /** The @ConfigProperty defaults. */
    private static ThrottleSettings defaults() {
        ThrottleSettings settings = new ThrottleSettings();
        settings.accountMaxFailures = "5";
        settings.clientMaxFailures = "20";
        settings.windowSeconds = "900";
        settings.lockoutSeconds = "300";
        settings.registrationsPerAddress = "10";
        return settings;
    }

    @Test
    void theDefaultsAreValid() {
        ThrottleSettings settings = defaults();
        settings.check();
        assertEquals(new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(5)), settings.account());
        assertEquals(new ThrottlePolicy(20, Duration.ofMinutes(15), Duration.ofMinutes(5)), settings.client());
        assertEquals(new ThrottlePolicy(10, Duration.ofMinutes(15), Duration.ZERO), settings.registration());
    }

    /**
     * The reviewer's finding: configuration.md and security.md document 0 ("no block; the failures of a window count
     * until the window ends"), and start-up refused it.
     */
    @Test
    void aLockoutOfZeroStartsAndMeansNoBlockButTheRestOfTheWindow() {
        ThrottleSettings settings = defaults();
        settings.lockoutSeconds = "0";
        settings.check();
        ThrottlePolicy account = settings.account();
        assertEquals(Duration.ZERO, account.lockout());
        assertEquals(Duration.ZERO, settings.client().lockout());

        ThrottleCounter counter = new ThrottleCounter("user:1", T0);
        for (int i = 0; i < 5; i++) {
            assertTrue(counter.refusal(T0, account).isZero());
            counter.reserve();
            assertFalse(counter.failed(T0, account), "no failure starts a block");
        }
        assertEquals(Duration.ZERO, counter.blockedFor(T0));
        assertEquals(Duration.ofMinutes(14), counter.refusal(T0.plusSeconds(60), account),
                "the sixth check waits for the end of the window (Retry-After)");
        assertTrue(counter.refusal(T0.plus(Duration.ofMinutes(15)), account).isZero(), "then counting starts afresh");
    }

    @Test
    void aNegativeLockoutIsRefusedNamingTheProperty() {
        ThrottleSettings settings = defaults();
        settings.lockoutSeconds = "-1";
        RuntimeException refusal = assertThrows(RuntimeException.class, settings::check);
        assertEquals("keyturn.throttle.lockout-seconds must be at least 0, not -1", refusal.getMessage());
    }

    @Test
    void theWindowAndTheLockoutAreAtMostADayAndTheLimitsAMillion() {
        ThrottleSettings longest = defaults();
        longest.windowSeconds = "86400";
        longest.lockoutSeconds = "86400";
        longest.check();
        assertMaximum("keyturn.throttle.window-seconds must be at most 86400, not " + Long.MAX_VALUE,
                s -> s.windowSeconds = String.valueOf(Long.MAX_VALUE));
        assertMaximum("keyturn.throttle.lockout-seconds must be at most 86400, not 86401",
                s -> s.lockoutSeconds = "86401");
        assertMaximum("keyturn.throttle.account.max-failures must be at most 1000000, not 1000001",
                s -> s.accountMaxFailures = "1000001");
        assertMaximum("keyturn.throttle.client.max-failures must be at most 1000000, not " + Integer.MAX_VALUE,
                s -> s.clientMaxFailures = String.valueOf(Integer.MAX_VALUE));
        assertMaximum("keyturn.throttle.registration.max-per-address must be at most 1000000, not 1000001",
                s -> s.registrationsPerAddress = "1000001");
    }

    private static void assertMaximum(String message, java.util.function.Consumer<ThrottleSettings> change) {
        ThrottleSettings settings = defaults();
        change.accept(settings);
        assertEquals(message, assertThrows(IllegalArgumentException.class, settings::check).getMessage());
    }

    /**
     * The review's finding: Payara injected the default (900) for {@code 15m} without a word. Read as text, a value
     * that is no whole number fails the start naming its property; blanks around a number are fine.
     */
    @Test
    void aValueThatIsNoWholeNumberIsRefusedNamingTheProperty() {
        ThrottleSettings blanks = defaults();
        blanks.windowSeconds = " 600 ";
        blanks.check();
        assertEquals(Duration.ofMinutes(10), blanks.window());
        assertMaximum("keyturn.throttle.window-seconds must be a whole number, not \"15m\"",
                s -> s.windowSeconds = "15m");
        assertMaximum("keyturn.throttle.lockout-seconds must be a whole number, not \"5 minutes\"",
                s -> s.lockoutSeconds = "5 minutes");
        assertMaximum("keyturn.throttle.account.max-failures must be a whole number, not \"five\"",
                s -> s.accountMaxFailures = "five");
        assertMaximum("keyturn.throttle.client.max-failures must be a whole number, not \"2.5\"",
                s -> s.clientMaxFailures = "2.5");
        assertMaximum("keyturn.throttle.registration.max-per-address must be a whole number, not \"\"",
                s -> s.registrationsPerAddress = "");
        assertMaximum("keyturn.throttle.window-seconds must be a whole number, not \"99999999999999999999\"",
                s -> s.windowSeconds = "99999999999999999999");
    }
}
