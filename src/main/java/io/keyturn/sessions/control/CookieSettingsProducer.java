package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.CookieSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link CookieSettings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a value that
 * is neither on nor off fails the deployment naming the property ({@link CookieSettings#parse}).
 */
@ApplicationScoped
public class CookieSettingsProducer {

    @Inject
    @ConfigProperty(name = CookieSettings.SECURE, defaultValue = "true")
    String secure;

    private CookieSettings settings;

    @PostConstruct
    void read() {
        settings = CookieSettings.parse(secure);
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    CookieSettings settings() {
        return settings;
    }
}
