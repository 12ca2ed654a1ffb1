package io.keyturn.throttling.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counting rules of one throttle row, without a database: reservations, failures, blocks and windows. */
class ThrottleCounterTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final ThrottlePolicy LOGIN = new ThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(5));
    private static final ThrottlePolicy REGISTRATION = new ThrottlePolicy(3, Duration.ofMinutes(15), Duration.ZERO);

    private static int reserveAll(ThrottleCounter counter, int attempts, Instant now, ThrottlePolicy policy) {
        int reserved = 0;
        for (int i = 0; i < attempts; i++) {
            if (counter.refusal(now, policy).isZero()) {
                counter.reserve();
                reserved++;
            }
        }
        return reserved;
    }

    @Test
    void aBurstGetsExactlyTheAttemptsLeftWhileTheyAreStillBeingChecked() {
        ThrottleCounter counter = new ThrottleCounter("user:1", T0);
        assertEquals(4, reserveAll(counter, 4, T0, LOGIN));
        for (int i = 0; i < 4; i++) {
            assertFalse(counter.failed(T0, LOGIN), "below the limit no block starts");
        }
        assertEquals(1, reserveAll(counter, 20, T0, LOGIN), "one attempt was left, for twenty arriving at once");
        assertEquals(LOGIN.lockout(), counter.refusal(T0, LOGIN), "the refused wait for the outcome, a lockout");
    }

    @Test
    void theFailureThatReachesTheLimitStartsABlockForTheLockout() {
        ThrottleCounter counter = new ThrottleCounter("user:1", T0);
        for (int i = 0; i < 4; i++) {
            assertEquals(1, reserveAll(counter, 1, T0, LOGIN));
            assertFalse(counter.failed(T0, LOGIN));
        }
        assertEquals(1, reserveAll(counter, 1, T0, LOGIN));
        assertTrue(counter.failed(T0.plusSeconds(1), LOGIN));
        assertEquals(Duration.ofMinutes(5), counter.blockedFor(T0.plusSeconds(1)));
        assertEquals(Duration.ofSeconds(299), counter.refusal(T0.plusSeconds(2), LOGIN));
        assertTrue(counter.refusal(T0.plusSeconds(301), LOGIN).isZero(), "after the block, a fresh window");
        assertEquals(5, reserveAll(counter, 9, T0.plusSeconds(301), LOGIN));
    }

    @Test
    void anAdministratorsUnblockGivesTheWholeLimitBackAtOnce() {
        ThrottleCounter counter = new ThrottleCounter("user:1", T0);
        assertEquals(5, reserveAll(counter, 5, T0, LOGIN));
        assertTrue(counter.failed(T0, LOGIN));
        assertTrue(counter.unblocked(T0.plusSeconds(10)), "it was blocked");
        assertTrue(counter.refusal(T0.plusSeconds(10), LOGIN).isZero());
        assertEquals(5, reserveAll(counter, 9, T0.plusSeconds(10), LOGIN), "a fresh window with every attempt");
        assertFalse(new ThrottleCounter("user:2", T0).unblocked(T0), "nothing was blocked");
    }

    @Test
    void whenTheLastAttemptsRunTogetherTheFirstFailureBlocksAndTheOthersChangeNothing() {
        ThrottleCounter counter = new ThrottleCounter("user:1", T0);
        assertEquals(5, reserveAll(counter, 5, T0, LOGIN));
        assertTrue(counter.failed(T0, LOGIN), "every attempt of the window is taken: no more may start");
        for (int i = 0; i < 4; i++) {
            assertFalse(counter.failed(T0, LOGIN));
        }
        assertEquals(LOGIN.lockout(), counter.blockedFor(T0));
    }

    @Test
    void aSuccessGivesItsReservationBack() {
        ThrottleCounter counter = new ThrottleCounter("client:1", T0);
        reserveAll(counter, 5, T0, LOGIN);
        counter.released();
        assertEquals(4, counter.attempts());
        assertEquals(1, reserveAll(counter, 3, T0, LOGIN));
        ThrottleCounter fresh = new ThrottleCounter("client:2", T0);
        fresh.released();
        assertEquals(0, fresh.attempts(), "never below zero");
    }

    @Test
    void aNewWindowForgetsTheOldAttempts() {
        ThrottleCounter counter = new ThrottleCounter("user:1", T0);
        reserveAll(counter, 5, T0, LOGIN);
        assertFalse(counter.refusal(T0.plus(Duration.ofMinutes(15)).minusMillis(1), LOGIN).isZero());
        assertTrue(counter.refusal(T0.plus(Duration.ofMinutes(15)), LOGIN).isZero(), "exactly at the window's end");
        assertEquals(0, counter.attempts());
    }

    @Test
    void aPolicyWithoutLockoutRefusesUntilTheWindowEnds() {
        ThrottleCounter counter = new ThrottleCounter("registration:1", T0);
        assertEquals(3, reserveAll(counter, 10, T0.plusSeconds(60), REGISTRATION));
        assertEquals(Duration.ofMinutes(14), counter.refusal(T0.plusSeconds(60), REGISTRATION));
        assertFalse(counter.failed(T0.plusSeconds(60), REGISTRATION), "no block without a lockout");
    }

    @Test
    void aPolicyNeedsAttemptsAndAWindow() {
        assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(0, Duration.ofMinutes(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ThrottlePolicy(1, Duration.ZERO, Duration.ZERO));
    }
}
