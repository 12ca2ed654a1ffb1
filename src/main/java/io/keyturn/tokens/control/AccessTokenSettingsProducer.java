package io.keyturn.tokens.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.tokens.entity.AccessTokenSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link AccessTokenSettings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a wrong
 * value fails the deployment with a message naming the property.
 */
@ApplicationScoped
public class AccessTokenSettingsProducer {

    @Inject
    @ConfigProperty(name = AccessTokenSettings.AUDIENCE, defaultValue = "keyturn")
    String audience;

    @Inject
    @ConfigProperty(name = AccessTokenSettings.TTL_SECONDS, defaultValue = "900")
    String ttlSeconds;

    @Inject
    @ConfigProperty(name = AccessTokenSettings.VERIFIED_CACHE_SIZE, defaultValue = "4096")
    String verifiedCacheSize;

    private AccessTokenSettings settings;

    @PostConstruct
    void read() {
        settings = AccessTokenSettings.of(audience, SettingNumbers.whole(ttlSeconds, AccessTokenSettings.TTL_SECONDS),
                SettingNumbers.wholeInt(verifiedCacheSize, AccessTokenSettings.VERIFIED_CACHE_SIZE));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    AccessTokenSettings settings() {
        return settings;
    }
}
