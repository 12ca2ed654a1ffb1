package io.keyturn.users.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.users.entity.PasswordChanged;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** A new password for a logged-in user; every other device has to log in again (the sessions component observes). */
@ApplicationScoped
@RetriedOnConflict
public class PasswordChange {

    @Inject
    SelfService selfService;

    @Inject
    ThrottledCredentials credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    Event<PasswordChanged> changed;

    @Inject
    Clock clock;

    /** The current password is checked under the login throttle: a stolen access token cannot guess it freely. */
    @Transactional
    public void change(String userId, String currentSessionId, String currentPassword, String newPassword,
            String client) {
        User user = selfService.accountToChange(userId, "password_change", client);
        PasswordRules.refusal(newPassword, user.username()).ifPresent(message -> {
            throw new InvalidFieldsException(new FieldError("newPassword", message));
        });
        credentials.confirm(user, currentPassword, client);
        user.changePassword(hasher.hash(newPassword), clock.instant());
        changed.fire(new PasswordChanged(userId, currentSessionId, client));
    }
}
