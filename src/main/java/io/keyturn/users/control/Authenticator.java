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
        return users.upgradePasswordHash(user, rehashed).orElse(user);
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
