package io.keyturn.users.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.users.entity.PasswordChanged;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The write of a password change, once its checks have passed ({@link PasswordChange}): the new hash and the end of
 * the user's other sessions, in one transaction under the user's row lock, the lock a login takes before it opens a
 * session (so no login with the old password outlives the change).
 */
@ApplicationScoped
@RetriedOnConflict
public class PasswordReplacement {

    @Inject
    SelfService selfService;

    @Inject
    Event<PasswordChanged> changed;

    @Inject
    Clock clock;

    /**
     * Replaces the password whose hash {@code checked} holds. When the stored hash is another one, the password the
     * caller proved is no longer the current one (a change committed meanwhile): 401 {@code invalid_credentials}, as
     * for a login in the same race. A hash upgraded by a login in that instant refuses it too; a retry succeeds.
     */
    @Transactional
    public void replace(User checked, String newHash, String keptSessionId, String client) {
        User current = selfService.accountToChange(checked.id(), "password_change", client);
        if (!current.passwordHash().equals(checked.passwordHash())) {
            SecurityLog.event("password_change", "password_changed_meanwhile", checked.id(), keptSessionId, client);
            throw Authenticator.invalidCredentials();
        }
        current.changePassword(newHash, clock.instant());
        changed.fire(new PasswordChanged(checked.id(), keptSessionId, client));
    }
}
