package io.keyturn.throttling.control;

import io.keyturn.configuration.SettingRanges;
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

    /** A day: a longer block is a way to lock users out, and a longer window counts beyond any attack's pace. */
    static final long MAX_SECONDS = SettingRanges.DAY.toSeconds();
    /** Far beyond any sensible limit; it only keeps the count an int. */
    static final int MAX_ATTEMPTS = 1_000_000;

    private ThrottlePolicy account;
    private ThrottlePolicy client;
    private ThrottlePolicy registration;

    @PostConstruct
    void check() {
        between(1, MAX_ATTEMPTS, accountMaxFailures, "keyturn.throttle.account.max-failures");
        between(1, MAX_ATTEMPTS, clientMaxFailures, "keyturn.throttle.client.max-failures");
        between(1, MAX_SECONDS, windowSeconds, "keyturn.throttle.window-seconds");
        between(0, MAX_SECONDS, lockoutSeconds, "keyturn.throttle.lockout-seconds"); // 0: no block, rest of window
        between(1, MAX_ATTEMPTS, registrationsPerAddress, "keyturn.throttle.registration.max-per-address");
        Duration window = Duration.ofSeconds(windowSeconds);
        Duration lockout = Duration.ofSeconds(lockoutSeconds);
        account = new ThrottlePolicy(accountMaxFailures, window, lockout);
        client = new ThrottlePolicy(clientMaxFailures, window, lockout);
        registration = new ThrottlePolicy(registrationsPerAddress, window, Duration.ZERO);
    }

    /** Below the minimum it reads "must be at least", as before; above the maximum "must be at most". */
    private static void between(long minimum, long maximum, long value, String property) {
        SettingRanges.atLeast(minimum, value, property);
        SettingRanges.atMost(maximum, value, property);
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
