package io.keyturn.users.control;

import io.keyturn.users.entity.AdminSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads {@link AdminSettings} once. */
@ApplicationScoped
public class AdminSettingsProducer {

    @Inject
    @ConfigProperty(name = AdminSettings.USERNAME)
    Optional<String> username;

    @Inject
    @ConfigProperty(name = AdminSettings.PASSWORD)
    Optional<String> password;

    private AdminSettings settings;

    @PostConstruct
    void read() {
        settings = new AdminSettings(username, password);
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    AdminSettings settings() {
        return settings;
    }
}
