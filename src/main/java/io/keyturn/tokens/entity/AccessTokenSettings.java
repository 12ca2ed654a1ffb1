package io.keyturn.tokens.entity;

import static io.keyturn.configuration.SettingRanges.atLeast;
import static io.keyturn.configuration.SettingRanges.atLeastSeconds;
import static io.keyturn.configuration.SettingRanges.atMost;
import static io.keyturn.configuration.SettingRanges.atMostSeconds;

import io.keyturn.configuration.SettingRanges;

import java.time.Duration;

/**
 * What every access token says about its audience and lifetime, and how many verified tokens an instance remembers.
 * Immutable and checked when made, naming the property of a wrong value. Read by
 * {@link io.keyturn.tokens.control.AccessTokenSettingsProducer}.
 *
 * @param audience          {@value #AUDIENCE}: the {@code aud} claim; tokens for any other audience are refused
 * @param ttl               {@value #TTL_SECONDS}: how long an access token lives; at least a second
 * @param verifiedCacheSize {@value #VERIFIED_CACHE_SIZE}: how many verified tokens each instance remembers, so
 *                          repeated calls skip the signature check; 0 turns the cache off
 */
public record AccessTokenSettings(String audience, Duration ttl, int verifiedCacheSize) {

    public static final String AUDIENCE = "keyturn.audience";
    public static final String TTL_SECONDS = "keyturn.access-token.ttl-seconds";
    public static final String VERIFIED_CACHE_SIZE = "keyturn.access-token.verified-cache-size";
    /** An access token cannot be revoked: a day is far beyond any sensible lifetime (the default is 15 minutes). */
    static final Duration MAX_TTL = SettingRanges.DAY;
    /** Each entry holds a token of up to 8 KB: at most about 100 MB of the heap at worst, usually a tenth of it. */
    static final int MAX_VERIFIED_CACHE_SIZE = 100_000;

    public AccessTokenSettings {
        // a verifier compares aud as a plain string: blanks would make a value nobody can match on purpose
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException(AUDIENCE + " must be a name that is not blank, not \"" + audience
                    + "\"");
        }
        atLeastSeconds(1, ttl, TTL_SECONDS);
        atMostSeconds(MAX_TTL, ttl, TTL_SECONDS);
        atLeast(0, verifiedCacheSize, VERIFIED_CACHE_SIZE);
        atMost(MAX_VERIFIED_CACHE_SIZE, verifiedCacheSize, VERIFIED_CACHE_SIZE);
    }

    public static AccessTokenSettings of(String audience, long ttlSeconds, int verifiedCacheSize) {
        return new AccessTokenSettings(audience, Duration.ofSeconds(ttlSeconds), verifiedCacheSize);
    }
}
