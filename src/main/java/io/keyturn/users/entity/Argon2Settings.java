package io.keyturn.users.entity;

import static io.keyturn.configuration.SettingRanges.atLeast;
import static io.keyturn.configuration.SettingRanges.between;

/**
 * The Argon2id cost of new password hashes ({@code keyturn.password.argon2.*}). Immutable and checked when made, so
 * a value Argon2 cannot use (RFC 9106, section 3.1) fails start-up naming its property instead of failing the
 * first login. Read by {@link io.keyturn.users.control.Argon2SettingsProducer}.
 *
 * @param memoryKib   {@value #MEMORY_KIB}: memory per hash in KiB; at least 8 per lane
 * @param iterations  {@value #ITERATIONS}: passes over the memory; at least 1
 * @param parallelism {@value #PARALLELISM}: lanes; 1 to 2^24 - 1
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {

    public static final String MEMORY_KIB = "keyturn.password.argon2.memory-kib";
    public static final String ITERATIONS = "keyturn.password.argon2.iterations";
    public static final String PARALLELISM = "keyturn.password.argon2.parallelism";

    private static final int MAX_LANES = (1 << 24) - 1;
    private static final int MIN_KIB_PER_LANE = 8;

    public Argon2Settings {
        between(1, MAX_LANES, parallelism, PARALLELISM);
        atLeast(1, iterations, ITERATIONS);
        if (memoryKib < MIN_KIB_PER_LANE * parallelism) {
            throw new IllegalArgumentException(MEMORY_KIB + " must be at least " + MIN_KIB_PER_LANE + " times "
                    + PARALLELISM + " (" + MIN_KIB_PER_LANE * (long) parallelism + "), not " + memoryKib);
        }
    }
}
