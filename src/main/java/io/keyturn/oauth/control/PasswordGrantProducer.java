package io.keyturn.oauth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads {@link PasswordGrant} once, so the token endpoint and the discovery metadata see the same value. */
@ApplicationScoped
public class PasswordGrantProducer {

    @Inject
    @ConfigProperty(name = PasswordGrant.PROPERTY, defaultValue = "false")
    String enabled;

    private PasswordGrant passwordGrant;

    @PostConstruct
    void read() {
        passwordGrant = PasswordGrant.parse(enabled);
    }

    @Produces
    PasswordGrant passwordGrant() {
        return passwordGrant;
    }
}
