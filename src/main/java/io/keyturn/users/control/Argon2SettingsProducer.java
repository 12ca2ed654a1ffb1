package io.keyturn.users.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.users.entity.Argon2Settings;
import io.keyturn.users.entity.HashingLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link Argon2Settings} and {@link HashingLimits} once. {@code io.keyturn.StartupChecks} asks for both during
 * deployment, so a wrong value fails the deployment with a message naming the property, and so does a hashing budget
 * too small for one hash of the configured cost (every login would wait for room that never comes).
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

    @Inject
    @ConfigProperty(name = HashingLimits.MEMORY_MIB)
    Optional<String> hashingMemoryMib;

    @Inject
    @ConfigProperty(name = HashingLimits.WAIT_SECONDS, defaultValue = "" + HashingLimits.DEFAULT_WAIT_SECONDS)
    String hashingWaitSeconds;

    @Inject
    @ConfigProperty(name = HashingLimits.MAX_WAITING, defaultValue = "" + HashingLimits.DEFAULT_MAX_WAITING)
    String hashingMaxWaiting;

    private Argon2Settings settings;
    private HashingLimits limits;

    @PostConstruct
    void read() {
        settings = new Argon2Settings(SettingNumbers.wholeInt(memoryKib, Argon2Settings.MEMORY_KIB),
                SettingNumbers.wholeInt(iterations, Argon2Settings.ITERATIONS),
                SettingNumbers.wholeInt(parallelism, Argon2Settings.PARALLELISM));
        limits = new HashingLimits(hashingMemoryMib.map(mib -> SettingNumbers.wholeInt(mib, HashingLimits.MEMORY_MIB))
                .orElseGet(HashingLimits::defaultMemoryMib),
                SettingNumbers.wholeInt(hashingWaitSeconds, HashingLimits.WAIT_SECONDS),
                SettingNumbers.wholeInt(hashingMaxWaiting, HashingLimits.MAX_WAITING));
        if (limits.memoryKib() < settings.memoryKib()) {
            throw new IllegalArgumentException(HashingLimits.MEMORY_MIB + " (" + limits.memoryMib()
                    + " MiB) must hold at least one hash of " + Argon2Settings.MEMORY_KIB + " ("
                    + settings.memoryKib() + " KiB): raise it, or the JVM's maximum heap it defaults to a quarter of");
        }
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    Argon2Settings settings() {
        return settings;
    }

    @Produces
    HashingLimits limits() {
        return limits;
    }
}
