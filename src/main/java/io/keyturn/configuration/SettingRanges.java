package io.keyturn.configuration;

import java.time.Duration;

/**
 * The range checks every component's settings value shares, so each refusal reads alike:
 * "{@code <property> must be at least <minimum>, not <value>}". An operator sees it when the deployment fails and
 * should know at once which property to fix.
 */
public final class SettingRanges {

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

    /** For a duration configured in whole seconds ({@code *-seconds}); the message speaks in seconds too. */
    public static void atLeastSeconds(long minimum, Duration value, String property) {
        if (value == null) {
            throw new IllegalArgumentException(property + " must be at least " + minimum + ", not missing");
        }
        atLeast(minimum, value.toSeconds(), property);
    }
}
