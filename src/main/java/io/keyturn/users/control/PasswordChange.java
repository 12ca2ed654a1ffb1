package io.keyturn.users.control;

import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A new password for a logged-in user; every other device has to log in again (the sessions component observes).
 * <p>
 * Both hashes (checking the current password, hashing the new one) run outside any transaction, as a login's check
 * does; only the write is one, short ({@link PasswordReplacement}). A transaction that held the user's row through
 * two hashes lost, on a Galera cluster, to every login of that user that another node committed meanwhile, and a
 * change racing a few logins could lose five times in a row and answer 503.
 */
@ApplicationScoped
public class PasswordChange {

    @Inject
    SelfService selfService;

    @Inject
    ThrottledCredentials credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordReplacement replacement;

    /** The current password is checked under the login throttle: a stolen access token cannot guess it freely. */
    public void change(String userId, String currentSessionId, String currentPassword, String newPassword,
            String client) {
        User checked = selfService.writableAccount(userId, "password_change", client);
        PasswordRules.refusal(newPassword, checked.username()).ifPresent(message -> {
            throw new InvalidFieldsException(new FieldError("newPassword", message));
        });
        credentials.confirm(checked, currentPassword, client);
        replacement.replace(checked, hasher.hash(newPassword), currentSessionId, client);
    }
}
