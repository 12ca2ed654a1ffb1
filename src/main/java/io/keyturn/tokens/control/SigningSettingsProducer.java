package io.keyturn.tokens.control;

import io.keyturn.configuration.SettingNumbers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link SigningSettings} once. {@code io.keyturn.StartupChecks} and the start-up singleton
 * {@link SigningKeys} ask for it during deployment, so a wrong value fails the deployment with a message naming the
 * property.
 */
@ApplicationScoped
public class SigningSettingsProducer {

    @Inject
    @ConfigProperty(name = SigningSettings.ALGORITHM, defaultValue = "RS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = SigningSettings.SECRET)
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = SigningSettings.KEY)
    Optional<String> key;

    @Inject
    @ConfigProperty(name = SigningSettings.KEY_FILE)
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = SigningSettings.KEY_MAX_AGE_SECONDS, defaultValue = "7776000")
    String keyMaxAgeSeconds;

    @Inject
    @ConfigProperty(name = SigningSettings.KEY_PUBLISH_SECONDS, defaultValue = "360")
    String keyPublishSeconds;

    @Inject
    @ConfigProperty(name = SigningSettings.KEY_RELOAD_SECONDS, defaultValue = "60")
    String keyReloadSeconds;

    private SigningSettings settings;

    @PostConstruct
    void read() {
        settings = SigningSettings.of(algorithm, secret.orElse(null), key.orElse(null), keyFile.orElse(null),
                SettingNumbers.whole(keyMaxAgeSeconds, SigningSettings.KEY_MAX_AGE_SECONDS),
                SettingNumbers.whole(keyPublishSeconds, SigningSettings.KEY_PUBLISH_SECONDS),
                SettingNumbers.whole(keyReloadSeconds, SigningSettings.KEY_RELOAD_SECONDS));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    SigningSettings settings() {
        return settings;
    }
}
