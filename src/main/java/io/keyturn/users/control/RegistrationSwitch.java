package io.keyturn.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code keyturn.registration.enabled}: whether anyone may create an account with {@code POST /api/auth/register}.
 * Administrators create accounts either way. Read as text and checked at start-up: MicroProfile Config turns any
 * value it does not know as true ("flase", "disabled") into false, and a typo must not silently open or close the
 * door. {@code io.keyturn.StartupChecks} asks for it during deployment, so a bad value fails the whole deployment
 * (on Payara a failure while only the web module starts leaves the application half deployed, answering 500) with
 * the message logged in one line.
 */
@ApplicationScoped
public class RegistrationSwitch {

    static final String PROPERTY = "keyturn.registration.enabled";

    @Inject
    @ConfigProperty(name = PROPERTY, defaultValue = "true")
    String configured;

    private boolean open;

    @PostConstruct
    void check() {
        open = parse(configured);
    }

    public boolean open() {
        return open;
    }

    static boolean parse(String value) {
        String word = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(PROPERTY + "=" + value + " cannot be used: it must be true "
                    + "(anyone may register) or false (only administrators create accounts)");
        };
    }
}
