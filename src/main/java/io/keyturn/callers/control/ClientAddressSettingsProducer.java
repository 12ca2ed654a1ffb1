package io.keyturn.callers.control;

import io.keyturn.callers.entity.ClientAddressSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link ClientAddressSettings} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a
 * wrong value fails the deployment with a message naming the property.
 */
@ApplicationScoped
public class ClientAddressSettingsProducer {

    @Inject
    @ConfigProperty(name = ClientAddressSettings.TRUSTED_PROXIES)
    Optional<String[]> trustedProxies; // an array: Payara cannot inject Optional<List<String>>

    private ClientAddressSettings settings;

    @PostConstruct
    void read() {
        settings = new ClientAddressSettings(trustedProxies.map(List::of).orElse(List.of()));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    ClientAddressSettings settings() {
        return settings;
    }
}
