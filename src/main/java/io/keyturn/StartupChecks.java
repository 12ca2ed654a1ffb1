package io.keyturn;

import io.keyturn.callers.entity.ClientAddressSettings;
import io.keyturn.json.RequestBodyLimit;
import io.keyturn.oauth.control.PasswordGrant;
import io.keyturn.security.entity.CorsSettings;
import io.keyturn.security.entity.StrictModeSettings;
import io.keyturn.sessions.control.SessionCap;
import io.keyturn.sessions.entity.CookieSettings;
import io.keyturn.sessions.entity.HousekeepingSettings;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.throttling.control.ThrottleSettings;
import io.keyturn.tokens.control.AccessTokenClaimOptions;
import io.keyturn.tokens.control.SigningSettings;
import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.users.control.RegistrationSwitch;
import io.keyturn.users.entity.AdminSettings;
import io.keyturn.users.entity.Argon2Settings;
import io.keyturn.users.entity.HashingLimits;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Reads and checks every component's settings while the application deploys, so a wrong value fails the deployment
 * with a message naming its property, instead of the first request that needs it. Each component reads its own
 * settings into a checked value; asking for the value here is what makes CDI create it now.
 * <p>
 * A start-up singleton rather than an observer of the application scope's start: on Payara an exception from such an
 * observer in the web module leaves the application half deployed (500 on every request), while one from a start-up
 * singleton's {@code @PostConstruct} fails the deployment cleanly. A new component's settings belong here too.
 * <p>
 * The values are asked for here, not injected into fields: a refusal during injection reached the log only as a
 * {@code Caused by:} line deep inside two SEVERE stack traces of the EJB container. Asked for in {@link #check}, the
 * refusal's message is logged first as one SEVERE line of its own ("Keyturn cannot start: ..."). Every message of
 * these checks names the property and never echoes a secret (the signing secret, key and key file, the
 * administrator's password).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // nothing to guard: it only checks, once
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    /** Each is created, and so checked, when asked for. */
    private static final List<Class<?>> VALUES = List.of(Issuer.class, AccessTokenSettings.class,
            AccessTokenClaimOptions.class, SigningSettings.class, RefreshPolicy.class, CookieSettings.class,
            HousekeepingSettings.class, AdminSettings.class, Argon2Settings.class, HashingLimits.class,
            ClientAddressSettings.class, StrictModeSettings.class, CorsSettings.class, RequestBodyLimit.class,
            PasswordGrant.class);

    @Inject
    Instance<Object> beans;

    // application-scoped beans are injected as proxies: only a call creates, and so checks, them
    @Inject
    SessionCap sessionCap;

    @Inject
    ThrottleSettings throttles;

    @Inject
    RegistrationSwitch registration;

    @PostConstruct
    void check() {
        try {
            VALUES.forEach(type -> Objects.requireNonNull(beans.select(type).get(), type.getName()));
            sessionCap.maxPerUser();
            throttles.window();
            registration.open();
        } catch (RuntimeException refused) {
            LOG.severe(() -> "Keyturn cannot start: " + reason(refused));
            throw refused;
        }
        LOG.fine("Every component's settings are valid");
    }

    /** The check's own message, from beneath the container's wrapping of it (CDI's around a failed creation). */
    static String reason(Throwable refused) {
        Throwable cause = refused;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    }
}
