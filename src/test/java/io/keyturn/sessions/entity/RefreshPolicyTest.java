package io.keyturn.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshPolicyTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    static String refused(long idle, long absolute, long grace) {
        return assertThrows(IllegalArgumentException.class, () -> RefreshPolicy.ofSeconds(idle, absolute, grace))
                .getMessage();
    }

    @Test
    void theDefaultsAreValid() {
        RefreshPolicy defaults = RefreshPolicy.ofSeconds(604800, 2592000, 30);
        assertEquals(Duration.ofDays(7), defaults.idleTtl());
        assertEquals(Duration.ofDays(30), defaults.absoluteTtl());
        assertEquals(Duration.ofSeconds(30), defaults.grace());
        assertTrue(defaults.sealsSuccessors());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -604800})
    void theIdleTtlMustBePositive(long idle) {
        assertEquals("keyturn.refresh-token.idle-ttl-seconds must be more than 0, not " + idle,
                refused(idle, 2592000, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void theAbsoluteTtlMustBePositive(long absolute) {
        assertEquals("keyturn.refresh-token.absolute-ttl-seconds must be more than 0, not " + absolute,
                refused(604800, absolute, 30));
    }

    @Test
    void theGraceMustNotBeNegative() {
        assertEquals("keyturn.refresh-token.grace-seconds must be 0 (off) or more, not -1",
                refused(604800, 2592000, -1));
    }

    @ParameterizedTest
    @ValueSource(longs = {600, 601, 604800})
    void theGraceMustBeShorterThanTheIdleTtl(long grace) {
        assertEquals("keyturn.refresh-token.grace-seconds must be less than keyturn.refresh-token.idle-ttl-seconds "
                + "(600), not " + grace, refused(600, 2592000, grace));
    }

    @Test
    void aGraceOneSecondShorterThanTheIdleTtlIsAccepted() {
        assertEquals(Duration.ofSeconds(599), RefreshPolicy.ofSeconds(600, 2592000, 599).grace());
    }

    @Test
    void aZeroGraceTurnsTheWindowOffAndSealsNothing() {
        RefreshPolicy off = RefreshPolicy.ofSeconds(600, 2592000, 0);
        assertFalse(off.sealsSuccessors());
        assertFalse(off.withinGrace(NOW, NOW, Duration.ZERO), "not even at the instant of retirement");
        assertFalse(off.withinGrace(NOW, NOW, Duration.ofSeconds(1)), "nor where stored times lose a second");
    }

    @Test
    void missingValuesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshPolicy(null, Duration.ofDays(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshPolicy(Duration.ofDays(1), null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshPolicy(Duration.ofDays(1), Duration.ofDays(2), null));
    }

    /** Sessions of a fixed length without an idle timeout: the session's end caps every token. */
    @Test
    void anIdleTtlLongerThanTheAbsoluteTtlIsAllowedAndTheSessionEndWins() {
        RefreshPolicy fixed = RefreshPolicy.ofSeconds(7200, 3600, 30);
        Instant sessionEnd = fixed.sessionExpiresAt(NOW);
        assertEquals(NOW.plusSeconds(3600), sessionEnd);
        assertEquals(sessionEnd, fixed.tokenExpiresAt(NOW, sessionEnd));
    }

    @Test
    void aTokenLivesTheIdleTtlButNeverBeyondItsSession() {
        RefreshPolicy policy = RefreshPolicy.ofSeconds(600, 3600, 30);
        Instant sessionEnd = policy.sessionExpiresAt(NOW);
        assertEquals(NOW.plusSeconds(600), policy.tokenExpiresAt(NOW, sessionEnd));
        assertEquals(sessionEnd, policy.tokenExpiresAt(sessionEnd.minusSeconds(599), sessionEnd));
        assertEquals(sessionEnd, policy.tokenExpiresAt(sessionEnd.minusSeconds(600), sessionEnd), "equal: either");
    }

    @Test
    void theWindowEndsBeforeRetiredAtPlusGrace() {
        RefreshPolicy policy = RefreshPolicy.ofSeconds(600, 3600, 30);
        assertTrue(policy.withinGrace(NOW, NOW, Duration.ZERO));
        assertTrue(policy.withinGrace(NOW, NOW.plusSeconds(30).minusNanos(1), Duration.ZERO));
        assertFalse(policy.withinGrace(NOW, NOW.plusSeconds(30), Duration.ZERO));
        // where the database keeps whole seconds the window runs a second longer from the stored time
        assertTrue(policy.withinGrace(NOW, NOW.plusSeconds(31).minusNanos(1), Duration.ofSeconds(1)));
        assertFalse(policy.withinGrace(NOW, NOW.plusSeconds(31), Duration.ofSeconds(1)));
    }

    @Test
    void lifetimesAreAtMostTenYearsAndTheGraceAtMostADay() {
        RefreshPolicy.ofSeconds(315_360_000, 315_360_000, 86400);
        assertEquals("keyturn.refresh-token.absolute-ttl-seconds must be at most 315360000 (3650 days), not "
                + Long.MAX_VALUE, assertThrows(IllegalArgumentException.class,
                        () -> RefreshPolicy.ofSeconds(604800, Long.MAX_VALUE, 30)).getMessage());
        assertEquals("keyturn.refresh-token.idle-ttl-seconds must be at most 315360000 (3650 days), not 315360001",
                assertThrows(IllegalArgumentException.class,
                        () -> RefreshPolicy.ofSeconds(315_360_001, 2592000, 30)).getMessage());
        assertEquals("keyturn.refresh-token.grace-seconds must be at most 86400 (1 day), not 86401",
                assertThrows(IllegalArgumentException.class,
                        () -> RefreshPolicy.ofSeconds(604800, 2592000, 86401)).getMessage());
    }
}
