package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.Issuer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code keyturn.issuer} once and hands out the checked {@link Issuer}. {@code io.keyturn.StartupChecks} asks
 * for it during deployment, so a bad value stops the deployment with a message naming the property, instead of every
 * token carrying it.
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
}
