package io.keyturn.oauth.control;

import io.keyturn.oauth.entity.OAuthSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link OAuthSettings} read once; {@code io.keyturn.StartupChecks} asks for them, so a bad value fails deployment. */
@ApplicationScoped
public class OAuthSettingsProducer {

    @Inject
    @ConfigProperty(name = OAuthSettings.PASSWORD_GRANT_ENABLED, defaultValue = "false")
    String passwordGrantEnabled;

    private OAuthSettings settings;

    @PostConstruct
    void read() {
        settings = OAuthSettings.of(passwordGrantEnabled);
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    OAuthSettings settings() {
        return settings;
    }
}
