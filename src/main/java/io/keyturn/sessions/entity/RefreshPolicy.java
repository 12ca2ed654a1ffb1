package io.keyturn.sessions.entity;

import static io.keyturn.configuration.SettingRanges.atMostSeconds;

import io.keyturn.configuration.SettingRanges;
import java.time.Duration;
import java.time.Instant;

/**
 * How long sessions and their refresh tokens live, and how long a retired token may still fetch its successor.
 * Immutable and checked when it is made, so every rule that reads it can trust it; a wrong value names the setting it
 * came from. The values:
 * <ul>
 * <li>{@code idleTtl} ({@value #IDLE_TTL_SECONDS}): a refresh token unused this long is dead; more than zero.</li>
 * <li>{@code absoluteTtl} ({@value #ABSOLUTE_TTL_SECONDS}): no session outlives this; more than zero. It may be
 * shorter than {@code idleTtl}: then the session's end caps every token and the idle limit is simply never reached
 * (sessions of a fixed length without an idle timeout), which is a sensible setting, not a mistake.</li>
 * <li>{@code grace} ({@value #GRACE_SECONDS}): zero turns the window off; else less than {@code idleTtl}, because a
 * window as long as a token's whole idle life would let an old, stolen token take over the session whenever the
 * rightful client has not refreshed since, so reuse would hardly ever be detected.</li>
 * </ul>
 */
public record RefreshPolicy(Duration idleTtl, Duration absoluteTtl, Duration grace) {

    public static final String IDLE_TTL_SECONDS = "keyturn.refresh-token.idle-ttl-seconds";
    public static final String ABSOLUTE_TTL_SECONDS = "keyturn.refresh-token.absolute-ttl-seconds";
    public static final String GRACE_SECONDS = "keyturn.refresh-token.grace-seconds";

    public RefreshPolicy {
        requirePositive(idleTtl, IDLE_TTL_SECONDS);
        atMostSeconds(SettingRanges.TEN_YEARS, idleTtl, IDLE_TTL_SECONDS);
        requirePositive(absoluteTtl, ABSOLUTE_TTL_SECONDS);
        atMostSeconds(SettingRanges.TEN_YEARS, absoluteTtl, ABSOLUTE_TTL_SECONDS);
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException(GRACE_SECONDS + " must be 0 (off) or more, not " + seconds(grace));
        }
        if (grace.compareTo(idleTtl) >= 0) {
            throw new IllegalArgumentException(GRACE_SECONDS + " must be less than " + IDLE_TTL_SECONDS + " ("
                    + idleTtl.toSeconds() + "), not " + grace.toSeconds());
        }
        atMostSeconds(SettingRanges.DAY, grace, GRACE_SECONDS); // a retry after a lost answer, not a second life
    }

    public static RefreshPolicy ofSeconds(long idleTtl, long absoluteTtl, long grace) {
        return new RefreshPolicy(Duration.ofSeconds(idleTtl), Duration.ofSeconds(absoluteTtl),
                Duration.ofSeconds(grace));
    }

    /** The absolute end of a session opened now. */
    public Instant sessionExpiresAt(Instant now) {
        return now.plus(absoluteTtl);
    }

    /** A token issued now dies after the idle TTL, but never after its session. */
    public Instant tokenExpiresAt(Instant now, Instant sessionExpiresAt) {
        Instant idleEnd = now.plus(idleTtl);
        return idleEnd.isBefore(sessionExpiresAt) ? idleEnd : sessionExpiresAt;
    }

    /**
     * A retry of a token retired at {@code retiredAt} still gets its successor before {@code retiredAt + grace}, not
     * at it. {@code storedTimeLoss} is how much earlier than written the database may give {@code retiredAt} back (a
     * database that keeps whole seconds: up to one), which the window adds so that a retry inside it by the clock is
     * never taken for reuse.
     */
    public boolean withinGrace(Instant retiredAt, Instant now, Duration storedTimeLoss) {
        return !grace.isZero() && now.isBefore(retiredAt.plus(grace).plus(storedTimeLoss));
    }

    /** Without a window no retry can be answered with the successor, so there is nothing worth sealing. */
    public boolean sealsSuccessors() {
        return !grace.isZero();
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be more than 0, not " + seconds(value));
        }
    }

    private static String seconds(Duration value) {
        return value == null ? "missing" : Long.toString(value.toSeconds());
    }
}
