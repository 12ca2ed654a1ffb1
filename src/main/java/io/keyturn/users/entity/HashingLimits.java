package io.keyturn.users.entity;

import static io.keyturn.configuration.SettingRanges.atLeast;
import static io.keyturn.configuration.SettingRanges.between;

/**
 * How much heap the Argon2 computations in flight may hold together ({@code keyturn.password.hashing.*}), how long a
 * password check waits for room, and how many may wait at once. Argon2 is memory-hard on purpose: each computation holds its whole memory
 * cost (19 MiB by default) while it runs, so without a bound a burst of concurrent logins, registrations or password
 * changes needs the cost times the number of request threads (200 on Payara Micro) and ends in
 * {@code OutOfMemoryError}. Read by {@link io.keyturn.users.control.Argon2SettingsProducer}, which also checks that
 * the budget holds at least one hash of the configured cost.
 *
 * @param memoryMib   {@value #MEMORY_MIB}: the heap all computations in flight may hold together, in MiB; by default
 *                    a quarter of the JVM's maximum heap; at least 1, at most the maximum heap
 * @param waitSeconds {@value #WAIT_SECONDS}: how long a check waits for room before it is answered 503; 0 to 60
 * @param maxWaiting  {@value #MAX_WAITING}: how many checks may wait for room at once; one more is answered 503 at
 *                    once, so that a flood of logins cannot hold every request thread and starve refreshes and bearer
 *                    calls; 0 to 10,000
 */
public record HashingLimits(int memoryMib, int waitSeconds, int maxWaiting) {

    public static final String MEMORY_MIB = "keyturn.password.hashing.memory-mib";
    public static final String WAIT_SECONDS = "keyturn.password.hashing.wait-seconds";
    public static final int DEFAULT_WAIT_SECONDS = 10;
    public static final String MAX_WAITING = "keyturn.password.hashing.max-waiting";
    /** Half of Payara Micro's 200 request threads: the other half stays free for everything else. */
    public static final int DEFAULT_MAX_WAITING = 100;
    static final int MAX_MAX_WAITING = 10_000;

    /**
     * Long enough for a queue of a few hundred checks to drain on two cores; longer only holds request threads that
     * a client gave up on.
     */
    static final int MAX_WAIT_SECONDS = 60;

    public HashingLimits {
        atLeast(1, memoryMib, MEMORY_MIB);
        long maxHeapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (memoryMib > maxHeapMib) {
            throw new IllegalArgumentException(MEMORY_MIB + " must be at most the JVM's maximum heap (" + maxHeapMib
                    + " MiB), not " + memoryMib);
        }
        between(0, MAX_WAIT_SECONDS, waitSeconds, WAIT_SECONDS);
        between(0, MAX_MAX_WAITING, maxWaiting, MAX_WAITING);
    }

    /** A quarter of the JVM's maximum heap: 128 MiB, six checks at the default cost, with {@code -Xmx512m}. */
    public static int defaultMemoryMib() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        // a JVM without a heap limit reports Long.MAX_VALUE; the budget is counted in KiB in an int
        return (int) Math.max(1, Math.min(quarter, Integer.MAX_VALUE / 1024));
    }

    public long memoryKib() {
        return memoryMib * 1024L;
    }
}
