package io.keyturn.users.control;

import io.keyturn.database.ConflictRetries;
import io.keyturn.database.WriteConflicts;
import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.users.entity.AdminSettings;
import io.keyturn.users.entity.Role;
import io.keyturn.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first administrator from {@code keyturn.admin.username} and {@code keyturn.admin.password} when both
 * are set and no such user exists; an existing user is left as it is, with a warning when it is not an enabled
 * administrator (the settings then give no way in, and the operator must know).
 */
@Singleton
@Startup
@DependsOn("StartupChecks") // settings are checked, and a refusal logged in one line, before they are used
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
        if (username == null || password == null) {
            return;
        }
        Optional<User> existing = users.byUsername(username);
        if (existing.isPresent()) {
            warnUnlessEnabledAdministrator(existing.get());
            return;
        }
        try {
            registration.registerBootstrapAdministrator(username, password);
            LOG.info(() -> "Created the bootstrap administrator " + UserRepository.canonical(username));
        } catch (InvalidFieldsException refused) {
            // not fatal: the service runs without it; the operator fixes the setting and restarts
            LOG.severe(() -> "The bootstrap administrator was not created: keyturn.admin.username or "
                    + "keyturn.admin.password breaks the rules for new accounts: " + refused.problem().errors());
        } catch (ProblemException taken) {
            // No second look here: the losing insert still sits in this thread's persistence context, and a query
            // would flush it again. Usually another instance created the administrator at the same moment; the next
            // start finds the user and warns if it is no enabled administrator.
            LOG.info(() -> "The bootstrap administrator was not created here: " + taken.problem().code()
                    + " (another instance starting at the same time creates it; otherwise the next start says why)");
        } catch (PersistenceException conflict) {
            if (!WriteConflicts.causedBy(conflict)) {
                throw conflict;
            }
            // The same race on a cluster: the other instance's insert of the name reached this node's rows first
            // (a deadlock, or Galera's certification). This start runs in the container's transaction, so it is not
            // run again here; the other instance's administrator stands, and the next start checks it.
            LOG.info(() -> "The bootstrap administrator was not created here: another instance created it at the "
                    + "same moment (" + ConflictRetries.causes(conflict) + ")");
        }
    }

    /** Another instance may have created it a moment ago; anything else is worth a warning. */
    private void warnUnlessEnabledAdministrator(User user) {
        if (!user.roles().contains(Role.ADMIN)) {
            LOG.warning(() -> "keyturn.admin.username names the existing user " + user.username() + ", who is not "
                    + "an administrator; the user is left as it is and no administrator was created");
        } else if (!user.enabled()) {
            LOG.warning(() -> "keyturn.admin.username names the administrator " + user.username() + ", whose "
                    + "account is disabled; it is left as it is (docs/operations.md, An administrator locked out)");
        } else {
            LOG.fine(() -> "The bootstrap administrator " + user.username() + " exists");
        }
    }
}
