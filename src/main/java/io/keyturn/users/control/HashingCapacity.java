package io.keyturn.users.control;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.users.entity.HashingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the Argon2 computations in flight within {@link HashingLimits}: each holds its memory cost in KiB of one
 * fair semaphore while it runs, so checks beyond the budget wait their turn (in arrival order) instead of all
 * allocating at once, and a check that finds no room within the wait, or finds as many checks waiting as allowed, is
 * answered 503 {@code service_unavailable} with Retry-After. Only memory is bounded here: computations beyond the number of cores only share the cores, so
 * the budget costs no throughput as long as it holds a few more computations than there are cores.
 * <p>
 * One per application: on several instances each bounds its own heap.
 */
@ApplicationScoped
public class HashingCapacity {

    /** Seconds a refused client should wait: a queue of checks drains in about that time on two cores. */
    static final String RETRY_AFTER_SECONDS = "2";

    private HashingLimits limits;
    private Semaphore freeKib;

    protected HashingCapacity() {
        // for the CDI proxy
    }

    @Inject
    public HashingCapacity(HashingLimits limits) {
        this.limits = limits;
        this.freeKib = new Semaphore((int) Math.min(Integer.MAX_VALUE, limits.memoryKib()), true);
    }

    /** The computations of this process: a quarter of the heap, the default wait (tests and benchmarks). */
    public static HashingCapacity ofThisHeap() {
        return new HashingCapacity(new HashingLimits(HashingLimits.defaultMemoryMib(),
                HashingLimits.DEFAULT_WAIT_SECONDS, HashingLimits.DEFAULT_MAX_WAITING));
    }

    /**
     * Runs one Argon2 computation of {@code memoryKib} once the budget has room for it. A cost larger than the whole
     * budget (a stored hash made with more memory than today's settings allow) waits until it can run alone.
     *
     * @throws ProblemException 503 when no room was found within the wait, or the thread was interrupted meanwhile
     */
    public <T> T run(int memoryKib, Supplier<T> computation) {
        int permits = (int) Math.min(memoryKib, limits.memoryKib());
        acquire(permits);
        try {
            return computation.get();
        } finally {
            freeKib.release(permits);
        }
    }

    /**
     * Takes the permits at once when free and no earlier check waits (the semaphore is fair), else waits up to the
     * limit's wait, unless as many checks as allowed already wait.
     */
    private void acquire(int permits) {
        long waitSeconds = freeKib.getQueueLength() < limits.maxWaiting() ? limits.waitSeconds() : 0;
        try {
            if (freeKib.tryAcquire(permits, waitSeconds, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Too many password checks are running at once; retry in a few seconds")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    }

    /** KiB of the budget no computation holds now (for tests: zero while the budget is taken). */
    int freeKib() {
        return freeKib.availablePermits();
    }

    /** Checks waiting for room now (for tests; an estimate while threads come and go). */
    int waiting() {
        return freeKib.getQueueLength();
    }
}
