package io.keyturn.users.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The rule every change a user makes to their own account obeys: a disabled account changes nothing. An access
 * token stays valid until it expires (outside strict mode), so the account is read from the database at each write.
 */
@ApplicationScoped
public class SelfService {

    @Inject
    UserRepository users;

    /** The caller's account, enabled; 403 {@code account_disabled} otherwise (and 401 if it no longer exists). */
    public User writableAccount(String userId, String action, String clientAddress) {
        return enabled(users.byId(userId), userId, action, clientAddress);
    }

    /** The same, locked for the change the caller's transaction makes to it ({@link UserRepository#lockedById}). */
    public User accountToChange(String userId, String action, String clientAddress) {
        return enabled(users.lockedById(userId), userId, action, clientAddress);
    }

    private static User enabled(Optional<User> found, String userId, String action, String clientAddress) {
        User user = found.orElseThrow(Authenticator::invalidCredentials);
        if (!user.enabled()) {
            SecurityLog.alert(action, "account_disabled", userId, null, clientAddress);
            throw Authenticator.accountDisabled();
        }
        return user;
    }
}
