package io.keyturn.database;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retry rule for transactions that lose a write conflict: at most {@link #ATTEMPTS} runs, each after a short
 * random pause that grows with the attempt (so two losers do not collide again in step), then the last failure is
 * thrown as it is (answered 503 by the problem mappers, never 500). Every retry and every exhausted retry is logged
 * (method name only) and counted for the whole application; the counts are in the readiness check's data.
 */
public final class ConflictRetries {

    /** Runs of one transaction, the first included. Under 32 simultaneous refreshes of one token two were enough. */
    public static final int ATTEMPTS = 5;
    private static final int PAUSE_MILLIS = 20;

    private static final Logger LOG = Logger.getLogger(ConflictRetries.class.getName());
    private static final AtomicLong RETRIED = new AtomicLong();
    private static final AtomicLong EXHAUSTED = new AtomicLong();

    /** Waits between attempts; replaced in tests. */
    interface Pause {
        void before(int attempt) throws InterruptedException;
    }

    static final Pause RANDOM_PAUSE = attempt -> Thread.sleep(
            ThreadLocalRandom.current().nextLong(PAUSE_MILLIS / 2, PAUSE_MILLIS * (long) attempt + 1));

    private ConflictRetries() {
    }

    /** Runs {@code transaction} (which begins and ends its own transaction) until it does not lose a conflict. */
    public static <T> T run(String name, Callable<T> transaction) throws Exception {
        return run(name, transaction, RANDOM_PAUSE);
    }

    static <T> T run(String name, Callable<T> transaction, Pause pause) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.call();
            } catch (Exception failure) {
                if (!WriteConflicts.causedBy(failure)) {
                    throw failure;
                }
                if (attempt >= ATTEMPTS) {
                    EXHAUSTED.incrementAndGet();
                    LOG.log(Level.WARNING, "{0} lost a write conflict {1} times; giving up ({2})",
                            new Object[] {name, ATTEMPTS, failure.getClass().getName()});
                    throw failure;
                }
                RETRIED.incrementAndGet();
                LOG.log(Level.INFO, "{0} lost a write conflict (deadlock or certification failure); running it "
                        + "again, attempt {1} of {2}", new Object[] {name, attempt + 1, ATTEMPTS});
                pause.before(attempt);
            }
        }
    }

    /** Transactions run again after a lost conflict, since the application started. */
    public static long retried() {
        return RETRIED.get();
    }

    /** Transactions that lost {@link #ATTEMPTS} times and failed, since the application started. */
    public static long exhausted() {
        return EXHAUSTED.get();
    }
}
