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
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // nothing to guard: it only checks, once
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    // each injected value was created, and so checked, when this bean was
    @Inject
    Issuer issuer;

    @Inject
    AccessTokenSettings accessTokens;

    @Inject
    AccessTokenClaimOptions claimOptions;

    @Inject
    SigningSettings signing;

    @Inject
    RefreshPolicy refreshPolicy;

    @Inject
    CookieSettings cookie;

    @Inject
    HousekeepingSettings housekeeping;

    @Inject
    AdminSettings admin;

    @Inject
    Argon2Settings argon2;

    @Inject
    ClientAddressSettings clientAddresses;

    @Inject
    StrictModeSettings strictMode;

    @Inject
    CorsSettings cors;

    @Inject
    RequestBodyLimit requestBodyLimit;

    @Inject
    PasswordGrant passwordGrant;

    // application-scoped beans are injected as proxies: only a call creates, and so checks, them
    @Inject
    SessionCap sessionCap;

    @Inject
    ThrottleSettings throttles;

    @Inject
    RegistrationSwitch registration;

    @PostConstruct
    void check() {
        List.of(issuer, accessTokens, claimOptions, signing, refreshPolicy, cookie, housekeeping, admin, argon2,
                clientAddresses, strictMode, cors, requestBodyLimit, passwordGrant).forEach(Objects::requireNonNull);
        sessionCap.maxPerUser();
        throttles.window();
        registration.open();
        LOG.fine("Every component's settings are valid");
    }
}
