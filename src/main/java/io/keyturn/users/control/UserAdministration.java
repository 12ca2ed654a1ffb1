package io.keyturn.users.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.throttling.control.LoginThrottle;
import io.keyturn.users.entity.AccountDisabled;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
@RetriedOnConflict
public class UserAdministration {

    @Inject
    UserRepository users;

    @Inject
    Event<AccountDisabled> disabled;

    @Inject
    Registration registration;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    /**
     * An account an administrator creates, with the rules of registration; it works while self-registration is
     * off. The security log names the new user and the administrator's session.
     */
    @Transactional
    public User create(String username, String email, String password, Set<String> roles, String adminSessionId,
            String client) {
        User user = registration.register(username, email, password, roles);
        SecurityLog.event("user_created", "ok", user.id(), adminSessionId, client);
        return user;
    }

    /**
     * Disabling takes effect at once: every session of the user is revoked (by its observers), login answers 403.
     * The security log names the administrator ({@code by=}).
     */
    @Transactional
    public Optional<User> setEnabled(String userId, boolean enabled, String adminUserId, String client) {
        Optional<User> user = users.lockedById(userId);
        user.ifPresent(u -> {
            u.setEnabled(enabled);
            SecurityLog.event(enabled ? "user_enabled" : "user_disabled", "ok by=" + adminUserId, u.id(), null,
                    client);
            if (!enabled) {
                u.revokeAccessTokens(clock.instant());
                disabled.fire(new AccountDisabled(u.id(), client));
            }
        });
        return user;
    }

    /**
     * Lifts the login block of a user (see {@link LoginThrottle#unblockAccount}). The security log names the
     * administrator and whether the account was blocked.
     */
    public Optional<User> unblockLogin(String userId, String adminUserId, String client) {
        Optional<User> user = users.byId(userId);
        user.ifPresent(u -> SecurityLog.event("login_block_cleared",
                (throttle.unblockAccount(u.id()) ? "ok" : "not_blocked") + " by=" + adminUserId, u.id(), null,
                client));
        return user;
    }
}
