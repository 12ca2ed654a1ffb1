package io.keyturn.sessions.control;

import io.keyturn.database.DatabaseUnavailable;
import io.keyturn.sessions.entity.HousekeepingSettings;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.throttling.control.ThrottleSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An EJB timer (every {@code keyturn.housekeeping.interval-seconds}, not persistent: each instance runs its own and
 * the batches are safe to run twice) that purges expired tokens and finished sessions and erases sealed successors
 * once their grace window has closed.
 */
@Singleton
@Startup
@DependsOn("StartupChecks") // settings are checked, and a refusal logged in one line, before they are used
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch commits on its own
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    /** Bounds one run of a purge; what is left waits for the next. */
    private static final int MAX_BATCHES_PER_STEP = 20;
    /**
     * Erasing a sealed successor once its window has closed is a promise (docs/sessions.md), so that step is not
     * bounded like the purges: it would fall behind as soon as more tokens retire in one interval than
     * {@link #MAX_BATCHES_PER_STEP} batches hold (10,000 with the defaults). It ends all the same: the cut-off is
     * fixed when the run starts, and every token retired during the run is retired after it.
     */
    private static final int UNTIL_DONE = Integer.MAX_VALUE;

    @Resource
    TimerService timers;

    @Inject
    HousekeepingBatches batches;

    @Inject
    HousekeepingSettings settings;

    @Inject
    ThrottleSettings throttles;

    @Inject
    RefreshPolicy refreshPolicy;

    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        long interval = settings.interval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("keyturn-housekeeping", false));
    }

    @Timeout
    void purge() {
        try {
            Instant now = clock.instant();
            int size = settings.batchSize();
            int unsealed = repeat(UNTIL_DONE,
                    () -> batches.unsealRetiredBefore(now.minus(refreshPolicy.grace()), size));
            int tokens = repeat(MAX_BATCHES_PER_STEP, () -> batches.deleteExpiredTokens(now, size));
            int sessions = repeat(MAX_BATCHES_PER_STEP, () -> batches.deleteFinishedSessions(now,
                    now.minus(settings.revokedRetention()), size));
            int counters = repeat(MAX_BATCHES_PER_STEP, () -> batches.deleteStaleThrottleCounters(now,
                    now.minus(throttles.window()), size));
            if (unsealed + tokens + sessions + counters > 0) {
                LOG.fine(() -> "Housekeeping: " + unsealed + " successors unsealed, " + tokens
                        + " expired tokens, " + sessions + " finished sessions and " + counters
                        + " stale login counters deleted");
            }
        } catch (RuntimeException e) {
            // a failed run (say, the database is down) is retried at the next tick; the timer must survive
            if (DatabaseUnavailable.causedBy(e)) {
                LOG.log(Level.WARNING, "Housekeeping failed, the database is unreachable ({0}); will retry at the"
                        + " next run", e.toString());
            } else {
                LOG.log(Level.WARNING, "Housekeeping failed; will retry at the next run", e);
            }
        }
    }

    private static int repeat(int maxBatches, IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int done = batch.getAsInt();
            total += done;
            if (done == 0) {
                break;
            }
        }
        return total;
    }
}
