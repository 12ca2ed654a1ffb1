package io.keyturn.configuration;

import java.time.Duration;

/**
 * The range checks every component's settings value shares, so each refusal reads alike:
 * "{@code <property> must be at least <minimum>, not <value>}". An operator sees it when the deployment fails and
 * should know at once which property to fix.
 * <p>
 * Every duration and size has a maximum too: a value far beyond any sensible one ({@code Long.MAX_VALUE} seconds)
 * would start, and then overflow the first time it is added to an instant, failing requests instead of the start.
 */
public final class SettingRanges {

    public static final Duration DAY = Duration.ofDays(1);
    public static final Duration THIRTY_DAYS = Duration.ofDays(30);
    /** 3650 days: far beyond any session or key lifetime, far below an overflow. */
    public static final Duration TEN_YEARS = Duration.ofDays(3650);

    private SettingRanges() {
    }

    public static void atLeast(long minimum, long value, String property) {
        if (value < minimum) {
            throw new IllegalArgumentException(property + " must be at least " + minimum + ", not " + value);
        }
    }

    public static void between(long minimum, long maximum, long value, String property) {
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(property + " must be between " + minimum + " and " + maximum
                    + ", not " + value);
        }
    }

    public static void atMost(long maximum, long value, String property) {
        if (value > maximum) {
            throw new IllegalArgumentException(property + " must be at most " + maximum + ", not " + value);
        }
    }

    /** For a duration configured in whole seconds ({@code *-seconds}); the message gives the maximum in days too. */
    public static void atMostSeconds(Duration maximum, Duration value, String property) {
        if (value != null && value.compareTo(maximum) > 0) {
            throw new IllegalArgumentException(property + " must be at most " + maximum.toSeconds() + " ("
                    + inWords(maximum) + "), not " + value.toSeconds());
        }
    }

    private static String inWords(Duration maximum) { // every maximum is whole days
        return maximum.toDays() + (maximum.toDays() == 1 ? " day" : " days");
    }

    /** For a duration configured in whole seconds ({@code *-seconds}); the message speaks in seconds too. */
    public static void atLeastSeconds(long minimum, Duration value, String property) {
        if (value == null) {
            throw new IllegalArgumentException(property + " must be at least " + minimum + ", not missing");
        }
        atLeast(minimum, value.toSeconds(), property);
    }
}
