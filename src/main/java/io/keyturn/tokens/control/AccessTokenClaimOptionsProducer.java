package io.keyturn.tokens.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the tokens component's own settings into {@link AccessTokenClaimOptions} (kept apart from
 * {@code io.keyturn.configuration.Settings} so each component owns its configuration).
 */
@ApplicationScoped
public class AccessTokenClaimOptionsProducer {

    @Inject
    @ConfigProperty(name = AccessTokenClaimOptions.EMAIL_CLAIM, defaultValue = "false")
    String emailClaim;

    private AccessTokenClaimOptions options;

    @PostConstruct
    void read() {
        options = AccessTokenClaimOptions.parse(emailClaim);
    }

    /** Created while the application starts, so a wrong value stops the deployment instead of the first login. */
    void readAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being called creates the bean, and read() validates
    }

    @Produces
    AccessTokenClaimOptions options() {
        return options;
    }
}
