package io.keyturn.security.control;

import io.keyturn.security.entity.StrictModeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link StrictModeSettings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a wrong
 * value fails the deployment with a message naming the property. {@value StrictModeSettings#STRICT} is a boolean
 * through MicroProfile Config's own conversion, as it always was, so existing configurations keep their meaning.
 */
@ApplicationScoped
public class StrictModeSettingsProducer {

    @Inject
    @ConfigProperty(name = StrictModeSettings.STRICT, defaultValue = "false")
    boolean strict;

    @Inject
    @ConfigProperty(name = StrictModeSettings.STRICT_CACHE_SECONDS, defaultValue = "10")
    long strictCacheSeconds;

    private StrictModeSettings settings;

    @PostConstruct
    void read() {
        settings = StrictModeSettings.ofSeconds(strict, strictCacheSeconds);
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    StrictModeSettings settings() {
        return settings;
    }
}
