package io.keyturn.security.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.security.entity.StrictModeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link StrictModeSettings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a wrong
 * value fails the deployment with a message naming the property. {@value StrictModeSettings#STRICT} is read as text
 * ({@link StrictModeSettings#of}): MicroProfile Config's boolean conversion would turn strict mode off on a typo.
 */
@ApplicationScoped
public class StrictModeSettingsProducer {

    @Inject
    @ConfigProperty(name = StrictModeSettings.STRICT, defaultValue = "false")
    String strict;

    @Inject
    @ConfigProperty(name = StrictModeSettings.STRICT_CACHE_SECONDS, defaultValue = "10")
    String strictCacheSeconds;

    private StrictModeSettings settings;

    @PostConstruct
    void read() {
        settings = StrictModeSettings.of(strict,
                SettingNumbers.whole(strictCacheSeconds, StrictModeSettings.STRICT_CACHE_SECONDS));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    StrictModeSettings settings() {
        return settings;
    }
}
