package io.keyturn.users.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.users.entity.Argon2Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link Argon2Settings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a wrong
 * value fails the deployment with a message naming the property.
 */
@ApplicationScoped
public class Argon2SettingsProducer {

    @Inject
    @ConfigProperty(name = Argon2Settings.MEMORY_KIB, defaultValue = "19456")
    String memoryKib;

    @Inject
    @ConfigProperty(name = Argon2Settings.ITERATIONS, defaultValue = "2")
    String iterations;

    @Inject
    @ConfigProperty(name = Argon2Settings.PARALLELISM, defaultValue = "1")
    String parallelism;

    private Argon2Settings settings;

    @PostConstruct
    void read() {
        settings = new Argon2Settings(SettingNumbers.wholeInt(memoryKib, Argon2Settings.MEMORY_KIB),
                SettingNumbers.wholeInt(iterations, Argon2Settings.ITERATIONS),
                SettingNumbers.wholeInt(parallelism, Argon2Settings.PARALLELISM));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    Argon2Settings settings() {
        return settings;
    }
}
