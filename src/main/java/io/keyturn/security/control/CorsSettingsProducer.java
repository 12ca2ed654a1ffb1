package io.keyturn.security.control;

import io.keyturn.security.entity.CorsSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link CorsSettings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a wrong value
 * fails the deployment with a message naming the property.
 */
@ApplicationScoped
public class CorsSettingsProducer {

    @Inject
    @ConfigProperty(name = CorsSettings.ALLOWED_ORIGINS)
    Optional<String[]> allowedOrigins; // an array: Payara cannot inject Optional<List<String>>

    private CorsSettings settings;

    @PostConstruct
    void read() {
        settings = new CorsSettings(allowedOrigins.map(List::of).orElse(List.of()));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    CorsSettings settings() {
        return settings;
    }
}
