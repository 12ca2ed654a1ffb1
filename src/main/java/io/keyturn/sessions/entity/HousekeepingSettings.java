package io.keyturn.sessions.entity;

import static io.keyturn.configuration.SettingRanges.atLeast;
import static io.keyturn.configuration.SettingRanges.atLeastSeconds;
import static io.keyturn.configuration.SettingRanges.atMost;
import static io.keyturn.configuration.SettingRanges.atMostSeconds;

import io.keyturn.configuration.SettingRanges;
import java.time.Duration;

/**
 * How the clean-up timer runs. Immutable and checked when made, naming the property of a wrong value. Read by
 * {@link io.keyturn.sessions.control.HousekeepingSettingsProducer}.
 *
 * @param interval         {@value #INTERVAL_SECONDS}: how often each instance runs the timer
 * @param batchSize        {@value #BATCH_SIZE}: rows per batch, each batch one short transaction
 * @param revokedRetention {@value #REVOKED_RETENTION_SECONDS}: how long a revoked session and its tokens are kept,
 *                         so an old token of a session revoked for reuse still answers {@code refresh_token_reused}
 */
public record HousekeepingSettings(Duration interval, int batchSize, Duration revokedRetention) {

    public static final String INTERVAL_SECONDS = "keyturn.housekeeping.interval-seconds";
    public static final String BATCH_SIZE = "keyturn.housekeeping.batch-size";
    public static final String REVOKED_RETENTION_SECONDS = "keyturn.housekeeping.revoked-retention-seconds";
    /** A batch is one short transaction and one IN list: beyond this it is no longer short. */
    static final int MAX_BATCH_SIZE = 10_000;

    public HousekeepingSettings {
        atLeastSeconds(1, interval, INTERVAL_SECONDS);
        atMostSeconds(SettingRanges.DAY, interval, INTERVAL_SECONDS); // a timer interval, in milliseconds
        atLeast(1, batchSize, BATCH_SIZE);
        atMost(MAX_BATCH_SIZE, batchSize, BATCH_SIZE);
        atLeastSeconds(0, revokedRetention, REVOKED_RETENTION_SECONDS); // 0: at the next run
        atMostSeconds(SettingRanges.TEN_YEARS, revokedRetention, REVOKED_RETENTION_SECONDS);
    }

    public static HousekeepingSettings ofSeconds(long intervalSeconds, int batchSize, long revokedRetentionSeconds) {
        return new HousekeepingSettings(Duration.ofSeconds(intervalSeconds), batchSize,
                Duration.ofSeconds(revokedRetentionSeconds));
    }
}
