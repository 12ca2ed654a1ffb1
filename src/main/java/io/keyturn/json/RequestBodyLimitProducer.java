package io.keyturn.json;

import io.keyturn.configuration.SettingNumbers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@link RequestBodyLimit} once. {@code io.keyturn.StartupChecks} asks for it during deployment, so a wrong
 * value fails the deployment with a message naming the property.
 */
@ApplicationScoped
public class RequestBodyLimitProducer {

    @Inject
    @ConfigProperty(name = RequestBodyLimit.MAX_BODY_BYTES, defaultValue = "16384")
    String maxBodyBytes;

    private RequestBodyLimit limit;

    @PostConstruct
    void read() {
        limit = new RequestBodyLimit(SettingNumbers.wholeInt(maxBodyBytes, RequestBodyLimit.MAX_BODY_BYTES));
    }

    /** Dependent: a record cannot be proxied, and an immutable value needs no scope of its own. */
    @Produces
    RequestBodyLimit limit() {
        return limit;
    }
}
