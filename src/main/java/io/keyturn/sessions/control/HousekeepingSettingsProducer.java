package io.keyturn.sessions.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.sessions.entity.HousekeepingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link HousekeepingSettings} once. The start-up singleton {@link Housekeeping} asks for it during
 * deployment, so a wrong value fails the deployment with a message naming the property.
 */
@ApplicationScoped
public class HousekeepingSettingsProducer {

    @Inject
    @ConfigProperty(name = HousekeepingSettings.INTERVAL_SECONDS, defaultValue = "300")
    String intervalSeconds;

    @Inject
    @ConfigProperty(name = HousekeepingSettings.BATCH_SIZE, defaultValue = "500")
    String batchSize;

    @Inject
    @ConfigProperty(name = HousekeepingSettings.REVOKED_RETENTION_SECONDS, defaultValue = "604800")
    String revokedRetentionSeconds;

    private HousekeepingSettings settings;

    @PostConstruct
    void read() {
        settings = HousekeepingSettings.ofSeconds(
                SettingNumbers.whole(intervalSeconds, HousekeepingSettings.INTERVAL_SECONDS),
                SettingNumbers.wholeInt(batchSize, HousekeepingSettings.BATCH_SIZE),
                SettingNumbers.whole(revokedRetentionSeconds, HousekeepingSettings.REVOKED_RETENTION_SECONDS));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    HousekeepingSettings settings() {
        return settings;
    }
}
