package io.keyturn.throttling.entity;

import java.time.Duration;

/**
 * How many attempts a subject may make in a fixed window, and how long it is blocked once they all failed. A zero
 * lockout means no block: the attempts simply run out until the window ends (registration).
 */
public record ThrottlePolicy(int maxAttempts, Duration window, Duration lockout) {

    public ThrottlePolicy {
        if (maxAttempts < 1 || window.isNegative() || window.isZero() || lockout.isNegative()) {
            throw new IllegalArgumentException("a throttle needs at least one attempt, a positive window and a "
                    + "lockout of zero or more");
        }
    }
}
