package io.keyturn.database;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retry rule for transactions that lose a write conflict: at most {@link #ATTEMPTS} runs, each after a short
 * random pause that grows with the attempt (so two losers do not collide again in step), then the last failure is
 * thrown (answered 503 by the problem mappers, never 500; a failed commit as {@link TransactionFailed}). Every retry
 * and every exhausted retry is logged (method and exception class names only) and counted for the whole application;
 * the counts are in the readiness check's data.
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
                    throw translated(name, failure);
                }
                if (attempt >= ATTEMPTS) {
                    EXHAUSTED.incrementAndGet();
                    LOG.log(Level.WARNING, "{0} lost a write conflict {1} times; giving up ({2})",
                            new Object[] {name, ATTEMPTS, causes(failure)});
                    throw translated(name, failure);
                }
                RETRIED.incrementAndGet();
                LOG.log(Level.INFO, "{0} lost a write conflict (deadlock, certification failure or unconfirmed "
                        + "commit: {1}); running it again, attempt {2} of {3}",
                        new Object[] {name, causes(failure), attempt + 1, ATTEMPTS});
                pause.before(attempt);
            }
        }
    }

    /** The container's report of a failed commit becomes one the problem mappers see; anything else stays. */
    private static Exception translated(String name, Exception failure) {
        return WriteConflicts.failedCommit(failure) ? new TransactionFailed(name, failure) : failure;
    }

    /** The class names along the cause chain: enough to tell the kind of failure, and free of any data. */
    public static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder(failure.getClass().getSimpleName());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < 6 && cause != cause.getCause(); depth++) {
            names.append(" < ").append(cause.getClass().getSimpleName());
            cause = cause.getCause();
        }
        return names.toString();
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
