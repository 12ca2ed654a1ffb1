package io.keyturn.throttling.control;

import io.keyturn.throttling.entity.ThrottlePolicy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The throttling settings, read once. {@code io.keyturn.StartupChecks} asks for them during deployment, so a value
 * that makes no sense fails the deployment with a message naming the property. All throttles share one window; failed logins and failed password confirmations
 * share the account and client policies.
 */
@ApplicationScoped
public class ThrottleSettings {

    @Inject
    @ConfigProperty(name = "keyturn.throttle.account.max-failures", defaultValue = "5")
    int accountMaxFailures;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.client.max-failures", defaultValue = "20")
    int clientMaxFailures;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.window-seconds", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.lockout-seconds", defaultValue = "300")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.registration.max-per-address", defaultValue = "10")
    int registrationsPerAddress;

    private ThrottlePolicy account;
    private ThrottlePolicy client;
    private ThrottlePolicy registration;

    @PostConstruct
    void check() {
        atLeast(1, accountMaxFailures, "keyturn.throttle.account.max-failures");
        atLeast(1, clientMaxFailures, "keyturn.throttle.client.max-failures");
        atLeast(1, windowSeconds, "keyturn.throttle.window-seconds");
        atLeast(0, lockoutSeconds, "keyturn.throttle.lockout-seconds"); // 0: no block, the rest of the window
        atLeast(1, registrationsPerAddress, "keyturn.throttle.registration.max-per-address");
        Duration window = Duration.ofSeconds(windowSeconds);
        Duration lockout = Duration.ofSeconds(lockoutSeconds);
        account = new ThrottlePolicy(accountMaxFailures, window, lockout);
        client = new ThrottlePolicy(clientMaxFailures, window, lockout);
        registration = new ThrottlePolicy(registrationsPerAddress, window, Duration.ZERO);
    }

    private static void atLeast(long minimum, long value, String property) {
        if (value < minimum) {
            throw new IllegalStateException(property + " must be at least " + minimum + ", not " + value);
        }
    }

    /** Failed logins and password confirmations of one account, whichever identifier was typed. */
    public ThrottlePolicy account() {
        return account;
    }

    /** Failed logins and password confirmations from one client address, across accounts. */
    public ThrottlePolicy client() {
        return client;
    }

    /** Registrations from one client address, successful or not. */
    public ThrottlePolicy registration() {
        return registration;
    }

    public Duration window() {
        return account.window();
    }
}
