package io.keyturn.sessions.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.sessions.entity.RefreshPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link RefreshPolicy} as configured: read once from MicroProfile Config. {@code io.keyturn.StartupChecks} asks
 * for it during deployment, so a wrong value fails the deployment with a message naming the property instead of
 * failing the first login. Everything else injects the policy itself.
 */
@ApplicationScoped
public class RefreshPolicyProducer {

    @Inject
    @ConfigProperty(name = RefreshPolicy.IDLE_TTL_SECONDS, defaultValue = "604800")
    String idleTtlSeconds;

    @Inject
    @ConfigProperty(name = RefreshPolicy.ABSOLUTE_TTL_SECONDS, defaultValue = "2592000")
    String absoluteTtlSeconds;

    @Inject
    @ConfigProperty(name = RefreshPolicy.GRACE_SECONDS, defaultValue = "30")
    String graceSeconds;

    private RefreshPolicy policy;

    @PostConstruct
    void read() {
        policy = RefreshPolicy.ofSeconds( // or throws, naming the property
                SettingNumbers.whole(idleTtlSeconds, RefreshPolicy.IDLE_TTL_SECONDS),
                SettingNumbers.whole(absoluteTtlSeconds, RefreshPolicy.ABSOLUTE_TTL_SECONDS),
                SettingNumbers.whole(graceSeconds, RefreshPolicy.GRACE_SECONDS));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    RefreshPolicy policy() {
        return policy;
    }
}
