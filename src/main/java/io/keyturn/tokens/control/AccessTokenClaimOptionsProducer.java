package io.keyturn.tokens.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link AccessTokenClaimOptions} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a
 * wrong value stops the deployment instead of the first login.
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

    @Produces
    AccessTokenClaimOptions options() {
        return options;
    }
}
