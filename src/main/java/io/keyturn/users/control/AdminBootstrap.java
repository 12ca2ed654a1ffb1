package io.keyturn.users.control;

import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.users.entity.AdminSettings;
import io.keyturn.users.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first administrator from {@code keyturn.admin.username} and {@code keyturn.admin.password} when both
 * are set and no such user exists; an existing user is left as it is.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    AdminSettings settings;

    @Inject
    UserRepository users;

    @Inject
    Registration registration;

    @PostConstruct
    void createAdmin() {
        String username = settings.username().orElse(null);
        String password = settings.password().orElse(null);
        if (username == null || password == null || users.byUsername(username).isPresent()) {
            return;
        }
        try {
            registration.register(username, username + "@admin.invalid", password, Set.of(Role.USER, Role.ADMIN));
            LOG.info(() -> "Created the bootstrap administrator " + UserRepository.canonical(username));
        } catch (InvalidFieldsException refused) {
            // not fatal: the service runs without it; the operator fixes the setting and restarts
            LOG.severe(() -> "The bootstrap administrator was not created: keyturn.admin.username or "
                    + "keyturn.admin.password breaks the rules for new accounts: " + refused.problem().errors());
        } catch (ProblemException raceLost) {
            LOG.info("The bootstrap administrator was created by another instance");
        }
    }
}
