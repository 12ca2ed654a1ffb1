package io.keyturn.sessions.control;

import io.keyturn.configuration.SettingNumbers;
import io.keyturn.configuration.SettingRanges;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code keyturn.sessions.max-per-user}: how many live sessions (devices) one user may have; a login beyond it
 * revokes the least recently used. Bounds what one account (or a script logging in again and again) can store.
 * {@code io.keyturn.StartupChecks} asks for it during deployment, so a bad value fails the deployment.
 */
@ApplicationScoped
public class SessionCap {

    @Inject
    @ConfigProperty(name = "keyturn.sessions.max-per-user", defaultValue = "50")
    String configured;

    private int maxPerUser;

    static final int MAX = 10_000;

    @PostConstruct
    void check() {
        maxPerUser = SettingNumbers.wholeInt(configured, "keyturn.sessions.max-per-user");
        if (maxPerUser < 1) {
            throw new IllegalStateException("keyturn.sessions.max-per-user must be at least 1, not " + maxPerUser);
        }
        // a login counts and may revoke the user's sessions under the user's row lock: the cap bounds that work too
        SettingRanges.atMost(MAX, maxPerUser, "keyturn.sessions.max-per-user");
    }

    public int maxPerUser() {
        return maxPerUser;
    }
}
