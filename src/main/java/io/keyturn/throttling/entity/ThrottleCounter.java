package io.keyturn.throttling.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Attempts of one subject (an account, a client address, registrations of an address) within a fixed window; over
 * the limit, a block. An attempt is counted when it is reserved, before the password is checked, so a burst of
 * attempts arriving together cannot all slip under the limit: the row is locked while one reservation is made.
 */
@Entity
@Table(name = "throttle_counters")
@NamedQuery(name = ThrottleCounter.STALE, query = "SELECT c.subject FROM ThrottleCounter c "
        + "WHERE c.windowStart < :before AND (c.blockedUntil IS NULL OR c.blockedUntil < :now)")
@NamedQuery(name = ThrottleCounter.DELETE, query = "DELETE FROM ThrottleCounter c WHERE c.subject IN :subjects")
public class ThrottleCounter {

    public static final String STALE = "ThrottleCounter.stale";
    public static final String DELETE = "ThrottleCounter.delete";

    @Id
    private String subject;

    /** Attempts reserved in the current window that have not been released (failed or still being checked). */
    private int failures;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected ThrottleCounter() {
        // for JPA
    }

    public ThrottleCounter(String subject, Instant now) {
        this.subject = subject;
        this.windowStart = now;
    }

    /**
     * Why no attempt may be reserved now: {@link Duration#ZERO} when one may, otherwise how long the caller should
     * wait: the rest of a block, or, when the limit is taken by attempts already counted in this window, the
     * policy's lockout (or the rest of the window for a policy without one). Starts a new window when the last one
     * is over.
     */
    public Duration refusal(Instant now, ThrottlePolicy policy) {
        Duration blocked = blockedFor(now);
        if (!blocked.isZero()) {
            return blocked;
        }
        if (!now.isBefore(windowStart.plus(policy.window()))) {
            windowStart = now;
            failures = 0;
        }
        if (failures < policy.maxAttempts()) {
            return Duration.ZERO;
        }
        Duration restOfWindow = Duration.between(now, windowStart.plus(policy.window()));
        return policy.lockout().isZero() || policy.lockout().compareTo(restOfWindow) > 0 ? restOfWindow
                : policy.lockout();
    }

    /** Counts one attempt; call it only after {@link #refusal} said zero, under the row's lock. */
    public void reserve() {
        failures++;
    }

    /**
     * The reserved attempt failed: it stays counted. Returns true when the failures reached the limit and a block
     * started (then the window starts afresh after the block).
     */
    public boolean failed(Instant now, ThrottlePolicy policy) {
        if (policy.lockout().isZero() || failures < policy.maxAttempts() || !blockedFor(now).isZero()) {
            return false;
        }
        blockedUntil = now.plus(policy.lockout());
        windowStart = now;
        failures = 0;
        return true;
    }

    /** The account proved its password: its failures are forgotten. */
    public void cleared() {
        failures = 0;
    }

    /** An administrator lifted the block: the subject starts afresh. Returns whether it was blocked. */
    public boolean unblocked(Instant now) {
        boolean wasBlocked = !blockedFor(now).isZero();
        blockedUntil = null;
        windowStart = now;
        failures = 0;
        return wasBlocked;
    }

    /** The reserved attempt succeeded: it is not counted against the subject. */
    public void released() {
        failures = Math.max(0, failures - 1);
    }

    public Duration blockedFor(Instant now) {
        return blockedUntil == null || !now.isBefore(blockedUntil) ? Duration.ZERO
                : Duration.between(now, blockedUntil);
    }

    public int attempts() {
        return failures;
    }

    public String subject() {
        return subject;
    }
}
