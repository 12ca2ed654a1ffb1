package io.keyturn.users.entity;

import static io.keyturn.configuration.SettingRanges.atLeast;
import static io.keyturn.configuration.SettingRanges.atMost;
import static io.keyturn.configuration.SettingRanges.between;

/**
 * The Argon2id cost of new password hashes ({@code keyturn.password.argon2.*}). Immutable and checked when made, so
 * a value Argon2 cannot use (RFC 9106, section 3.1) fails start-up naming its property instead of failing the
 * first login. Read by {@link io.keyturn.users.control.Argon2SettingsProducer}.
 *
 * <p>
 * Each has a maximum too, so that a slip of the keyboard fails the start instead of every register and login:
 * {@code memory-kib=2000000000} started, and then Bouncy Castle refused every hash (500), and
 * {@code iterations=2147483647} made each login a denial of service of the server's CPU.
 *
 * @param memoryKib   {@value #MEMORY_KIB}: memory per hash in KiB; at least 8 per lane, at most 4 GiB
 * @param iterations  {@value #ITERATIONS}: passes over the memory; 1 to 16
 * @param parallelism {@value #PARALLELISM}: lanes; 1 to 16
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {

    public static final String MEMORY_KIB = "keyturn.password.argon2.memory-kib";
    public static final String ITERATIONS = "keyturn.password.argon2.iterations";
    public static final String PARALLELISM = "keyturn.password.argon2.parallelism";

    /**
     * Keyturn (Bouncy Castle) computes the lanes one after the other on the request's thread, so lanes buy no speed
     * here and only change the hash; RFC 9106 recommends 4. Sixteen leaves room for a hash another implementation
     * should be able to compute with as many threads, far below Argon2's own limit of 2^24 - 1.
     */
    static final int MAX_LANES = 16;
    /**
     * The time cost is linear in the passes. RFC 9106 recommends 1 (with 2 GiB) or 3 (with 64 MiB), OWASP's
     * profiles use 1 to 5 with less memory; beyond 16 more memory protects better for the same time, and a larger
     * number is a typo that would make every login a denial of service.
     */
    static final int MAX_ITERATIONS = 16;
    /**
     * 4 GiB, twice RFC 9106's largest recommendation (2 GiB). Each hash holds this much of the heap while it runs,
     * once per concurrent login, so any sensible value is far smaller (the default is 19 MiB); Bouncy Castle refuses
     * {@code memory-kib=2000000000} at every hash ("memory out of range"), not at start.
     */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    private static final int MIN_KIB_PER_LANE = 8;

    public Argon2Settings {
        between(1, MAX_LANES, parallelism, PARALLELISM);
        atLeast(1, iterations, ITERATIONS);
        atMost(MAX_ITERATIONS, iterations, ITERATIONS);
        if (memoryKib < MIN_KIB_PER_LANE * parallelism) {
            throw new IllegalArgumentException(MEMORY_KIB + " must be at least " + MIN_KIB_PER_LANE + " times "
                    + PARALLELISM + " (" + MIN_KIB_PER_LANE * (long) parallelism + "), not " + memoryKib);
        }
        atMost(MAX_MEMORY_KIB, memoryKib, MEMORY_KIB);
    }
}
