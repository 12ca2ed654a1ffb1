package io.keyturn.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Failed logins of one account or one client address within a fixed window; over the limit, a block. */
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

    /** Counts one failure; returns true when this failure reached the limit and started a block. */
    public boolean fail(Instant now, Duration window, int maxFailures, Duration lockout) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        if (failures >= maxFailures) {
            blockedUntil = now.plus(lockout);
            windowStart = now;
            failures = 0;
            return true;
        }
        return false;
    }

    public Duration blockedFor(Instant now) {
        return blockedUntil == null || !now.isBefore(blockedUntil) ? Duration.ZERO
                : Duration.between(now, blockedUntil);
    }

    public String subject() {
        return subject;
    }
}
