package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keyturn.sessions.entity.HousekeepingSettings;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.throttling.control.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one run of housekeeping walks through its batches; the batches' SQL is tested against real databases (ITs). */
class HousekeepingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T05:00:00Z");
    private static final int BATCH = 500;

    /** Every step has 40 full batches waiting, twice the bound of a purge step. */
    private final BacklogBatches batches = new BacklogBatches(40);

    @Test
    void sealedSuccessorsAreErasedUntilNoneIsDueWhileThePurgesStopAtTheirBound() {
        housekeeping().purge();
        assertEquals(41, batches.unsealCalls, "40 full batches and the empty one that ends the step");
        assertEquals(List.of(NOW.minusSeconds(30)), batches.unsealCutOffs.stream().distinct().toList(),
                "one cut-off for the whole run: the grace window before the run's start");
        assertEquals(20, batches.expiredTokenCalls);
        assertEquals(20, batches.finishedSessionCalls);
        assertEquals(20, batches.staleCounterCalls);
    }

    @Test
    void aStepEndsAtItsFirstEmptyBatch() {
        BacklogBatches nearlyClean = new BacklogBatches(2);
        Housekeeping housekeeping = housekeeping();
        housekeeping.batches = nearlyClean;
        housekeeping.purge();
        assertEquals(3, nearlyClean.unsealCalls);
        assertEquals(3, nearlyClean.expiredTokenCalls);
    }

    private Housekeeping housekeeping() {
        Housekeeping housekeeping = new Housekeeping();
        housekeeping.batches = batches;
        housekeeping.settings = HousekeepingSettings.ofSeconds(300, BATCH, 604800);
        housekeeping.refreshPolicy = RefreshPolicy.ofSeconds(604800, 2592000, 30);
        housekeeping.throttles = new ThrottleSettings() {
            @Override
            public Duration window() {
                return Duration.ofMinutes(15);
            }
        };
        housekeeping.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return housekeeping;
    }

    /** A database with the same number of full batches waiting in every step, counting what each step asked for. */
    private static final class BacklogBatches extends HousekeepingBatches {

        private final int fullBatches;
        int unsealCalls;
        int expiredTokenCalls;
        int finishedSessionCalls;
        int staleCounterCalls;
        final List<Instant> unsealCutOffs = new ArrayList<>();

        BacklogBatches(int fullBatches) {
            this.fullBatches = fullBatches;
        }

        private int next(int call, int batchSize) {
            return call <= fullBatches ? batchSize : 0;
        }

        @Override
        public int unsealRetiredBefore(Instant before, int batchSize) {
            unsealCutOffs.add(before);
            return next(++unsealCalls, batchSize);
        }

        @Override
        public int deleteExpiredTokens(Instant now, int batchSize) {
            return next(++expiredTokenCalls, batchSize);
        }

        @Override
        public int deleteFinishedSessions(Instant now, Instant revokedBefore, int batchSize) {
            return next(++finishedSessionCalls, batchSize);
        }

        @Override
        public int deleteStaleThrottleCounters(Instant now, Instant windowStartedBefore, int batchSize) {
            return next(++staleCounterCalls, batchSize);
        }
    }
}
