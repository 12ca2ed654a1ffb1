package io.keyturn.throttling.control;

import io.keyturn.configuration.SettingNumbers;
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
    String accountMaxFailures;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.client.max-failures", defaultValue = "20")
    String clientMaxFailures;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.window-seconds", defaultValue = "900")
    String windowSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.lockout-seconds", defaultValue = "300")
    String lockoutSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.throttle.registration.max-per-address", defaultValue = "10")
    String registrationsPerAddress;

    /** A day: a longer block is a way to lock users out, and a longer window counts beyond any attack's pace. */
    static final long MAX_SECONDS = SettingRanges.DAY.toSeconds();
    /** Far beyond any sensible limit; it only keeps the count an int. */
    static final int MAX_ATTEMPTS = 1_000_000;

    private ThrottlePolicy account;
    private ThrottlePolicy client;
    private ThrottlePolicy registration;

    @PostConstruct
    void check() {
        int accountMax = (int) between(1, MAX_ATTEMPTS, accountMaxFailures, "keyturn.throttle.account.max-failures");
        int clientMax = (int) between(1, MAX_ATTEMPTS, clientMaxFailures, "keyturn.throttle.client.max-failures");
        Duration window = Duration.ofSeconds(between(1, MAX_SECONDS, windowSeconds, "keyturn.throttle.window-seconds"));
        Duration lockout = Duration.ofSeconds(
                between(0, MAX_SECONDS, lockoutSeconds, "keyturn.throttle.lockout-seconds")); // 0: no block
        int registrationsMax = (int) between(1, MAX_ATTEMPTS, registrationsPerAddress,
                "keyturn.throttle.registration.max-per-address");
        account = new ThrottlePolicy(accountMax, window, lockout);
        client = new ThrottlePolicy(clientMax, window, lockout);
        registration = new ThrottlePolicy(registrationsMax, window, Duration.ZERO);
    }

    /**
     * The configured text as a whole number ({@link SettingNumbers}) within the range: below the minimum it reads
     * "must be at least", as before; above the maximum "must be at most".
     */
    private static long between(long minimum, long maximum, String configured, String property) {
        long value = SettingNumbers.whole(configured, property);
        SettingRanges.atLeast(minimum, value, property);
        SettingRanges.atMost(maximum, value, property);
        return value;
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
