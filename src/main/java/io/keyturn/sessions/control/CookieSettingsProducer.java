package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.CookieSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link CookieSettings} once. A boolean through MicroProfile Config's own conversion, as it always was
 * ({@code true}, {@code yes}, {@code on}, {@code 1} are true), so existing configurations keep their meaning.
 */
@ApplicationScoped
public class CookieSettingsProducer {

    @Inject
    @ConfigProperty(name = CookieSettings.SECURE, defaultValue = "true")
    boolean secure;

    private CookieSettings settings;

    @PostConstruct
    void read() {
        settings = new CookieSettings(secure);
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    CookieSettings settings() {
        return settings;
    }
}
