package io.keyturn.users.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.throttling.control.LoginThrottle;
import io.keyturn.throttling.entity.ThrottleReservation;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Every password check a client can ask for, behind the {@link LoginThrottle}: the attempt is reserved before the
 * hash is computed and settled by the outcome. Login and password change share one counter per account, so a stolen
 * access token cannot guess the password past the login limit.
 */
@ApplicationScoped
public class ThrottledCredentials {

    @Inject
    LoginThrottle throttle;

    @Inject
    Authenticator authenticator;

    @Inject
    UserRepository users;

    /**
     * A login by username or email. Not in a transaction: see {@link Authenticator#authenticate}. The user is read
     * once, before the reservation: it names the account to throttle, and it is the user whose password is checked.
     */
    public User login(String login, String password, String clientAddress) {
        Optional<User> found = users.byLogin(login);
        String account = LoginThrottle.accountOf(found.map(User::id), UserRepository.canonical(login));
        ThrottleReservation reservation = throttle.reserve(account, clientAddress, "login");
        try {
            User user = authenticator.authenticate(found, password);
            throttle.succeeded(reservation);
            return user;
        } catch (ProblemException refused) {
            settle(reservation, refused, "login", found.map(User::id).orElse(null));
            throw refused;
        }
    }

    /** An authenticated caller proves the password again (password change). */
    public void confirm(User user, String password, String clientAddress) {
        ThrottleReservation reservation = throttle.reserve(LoginThrottle.accountOf(Optional.of(user.id()), null),
                clientAddress, "password_confirmation");
        try {
            authenticator.confirmPassword(user, password);
            throttle.succeeded(reservation);
        } catch (ProblemException refused) {
            settle(reservation, refused, "password_confirmation", user.id());
            throw refused;
        }
    }

    /** What a refused check does to its reservation ({@link #settlementOf}). */
    enum Settlement {
        /** A wrong password: the attempt stays counted, and may start a block. */
        FAILED,
        /** The password was right (a disabled account): the attempt is given back, the account's failures cleared. */
        SUCCEEDED,
        /**
         * The password was never checked (no room to hash, 503): the attempt is given back and nothing is cleared, or
         * a flood that fills the hashing budget would wipe the failures of the account it targets.
         */
        UNCHECKED
    }

    static Settlement settlementOf(ProblemException refused) {
        if (refused.is(ProblemType.INVALID_CREDENTIALS)) {
            return Settlement.FAILED;
        }
        return refused.is(ProblemType.SERVICE_UNAVAILABLE) ? Settlement.UNCHECKED : Settlement.SUCCEEDED;
    }

    private void settle(ThrottleReservation reservation, ProblemException refused, String event, String userId) {
        switch (settlementOf(refused)) {
            case FAILED -> throttle.failed(reservation);
            case UNCHECKED -> throttle.unchecked(reservation);
            case SUCCEEDED -> throttle.succeeded(reservation);
        }
        SecurityLog.event(event, refused.problem().code(), userId, null, reservation.clientAddress());
    }
}
