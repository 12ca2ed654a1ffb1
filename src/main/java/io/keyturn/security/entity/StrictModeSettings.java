package io.keyturn.security.entity;

import static io.keyturn.configuration.SettingRanges.atLeastSeconds;
import static io.keyturn.configuration.SettingRanges.atMostSeconds;

import io.keyturn.configuration.SettingRanges;
import io.keyturn.configuration.SettingSwitches;

import java.time.Duration;

/**
 * Strict mode: whether access tokens of disabled users, or issued before the user's last revocation, are refused,
 * and how stale the per-user view behind that may be. Immutable and checked when made, naming the property of a
 * wrong value. Read by {@link io.keyturn.security.control.StrictModeSettingsProducer}.
 *
 * @param strict      {@value #STRICT}: on or off (off by default)
 * @param strictCache {@value #STRICT_CACHE_SECONDS}: a user's state is re-read at most this often, the longest
 *                    delay before a revocation takes effect; at least a second
 */
public record StrictModeSettings(boolean strict, Duration strictCache) {

    public static final String STRICT = "keyturn.access-token.strict";
    public static final String STRICT_CACHE_SECONDS = "keyturn.access-token.strict-cache-seconds";

    public StrictModeSettings {
        atLeastSeconds(0, strictCache, STRICT_CACHE_SECONDS); // 0: re-read at every request
        // a revocation that takes longer than a day to show is no strict mode; and the view's age is added to an
        // instant
        atMostSeconds(SettingRanges.DAY, strictCache, STRICT_CACHE_SECONDS);
    }

    /**
     * From the configured text: {@code strict} in the words MicroProfile Config's boolean conversion, which read it
     * before, takes for true, or their opposites ({@link SettingSwitches#onOrOff}); anything else is refused, because
     * that conversion read a typo as false and so switched strict mode off.
     */
    public static StrictModeSettings of(String strict, long strictCacheSeconds) {
        return ofSeconds(SettingSwitches.onOrOff(strict, STRICT), strictCacheSeconds);
    }

    public static StrictModeSettings ofSeconds(boolean strict, long strictCacheSeconds) {
        return new StrictModeSettings(strict, Duration.ofSeconds(strictCacheSeconds));
    }
}
