package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.Issuer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code keyturn.issuer} once and hands out the checked {@link Issuer}. Checked while the application starts,
 * so a bad value stops the deployment with a message naming the property, instead of every token carrying it: the
 * start-up singletons (signing keys, housekeeping) read {@code Settings}, which injects the issuer, so the whole
 * application fails to deploy; the observer below would still catch it if nothing else asked for it early.
 */
@ApplicationScoped
public class IssuerSetting {

    @Inject
    @ConfigProperty(name = Issuer.PROPERTY, defaultValue = Issuer.DEFAULT)
    String configured;

    private Issuer issuer;

    @PostConstruct
    void check() {
        issuer = new Issuer(configured);
    }

    @Produces
    public Issuer issuer() {
        return issuer;
    }

    /** Being called creates this bean, and so checks the value, during deployment. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing else to do
    }
}
