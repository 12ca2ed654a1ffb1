package io.keyturn.users.control;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.users.control.PasswordHasher.PasswordCheck;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks a username (or email) and password, with one answer for "no such user" and "wrong password". */
@ApplicationScoped
public class Authenticator {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    /**
     * Checks the password of the user a login named ({@link UserRepository#byLogin}; empty: no such user, checked
     * against a decoy all the same). Not in a transaction: the Argon2 check takes tens of milliseconds, and a pooled
     * connection held open through it would be one fewer for every other request (found by profiling logins,
     * docs/benchmarks.md).
     */
    public User authenticate(Optional<User> found, String password) {
        if (found.isEmpty()) {
            hasher.checkDecoy(password);
            throw invalidCredentials();
        }
        User user = found.get();
        PasswordCheck check = hasher.check(password, user.passwordHash());
        if (!check.matches()) {
            throw invalidCredentials();
        }
        if (!user.enabled()) {
            throw accountDisabled();
        }
        if (check.needsRehash()) {
            return upgraded(user, password);
        }
        return user;
    }

    /**
     * The user as stored with a hash of today's cost, so that the session opens against the hash it holds
     * (Sessions.open); the user as it was when there is no room to hash now: the upgrade waits for the next login,
     * the password was right.
     */
    private User upgraded(User user, String password) {
        String rehashed;
        try {
            rehashed = hasher.hash(password);
        } catch (ProblemException noRoom) {
            if (noRoom.is(ProblemType.SERVICE_UNAVAILABLE)) {
                return user;
            }
            throw noRoom;
        }
        return users.upgradePasswordHash(user, rehashed).orElseGet(() -> asStoredNow(user, password));
    }

    /**
     * The stored hash changed after the check: another login of this user upgraded it in the same instant (the first
     * logins after the Argon2 parameters were raised, e.g. two tabs, or a service logging in on several threads), or a
     * password change committed. The password decides, checked against the hash stored now: the user as stored when
     * it matches, so the session opens against that hash; the user as checked otherwise, which Sessions.open refuses
     * as a password changed meanwhile. Without this, every login but one of such a burst was refused with 401 although
     * its password was right.
     */
    private User asStoredNow(User checked, String password) {
        return users.byId(checked.id())
                .filter(current -> hasher.check(password, current.passwordHash()).matches())
                .orElse(checked);
    }

    /** For a caller who is already authenticated and proves the password again (password change). */
    public void confirmPassword(User user, String password) {
        if (!hasher.check(password, user.passwordHash()).matches()) {
            throw invalidCredentials();
        }
    }

    public static ProblemException invalidCredentials() {
        return new ProblemException(ProblemType.INVALID_CREDENTIALS);
    }

    public static ProblemException accountDisabled() {
        return new ProblemException(ProblemType.ACCOUNT_DISABLED);
    }
}
