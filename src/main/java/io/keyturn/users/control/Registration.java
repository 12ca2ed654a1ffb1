package io.keyturn.users.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.database.WriteConflicts;
import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.users.entity.Role;
import io.keyturn.users.entity.User;
import io.keyturn.users.entity.UsernameClaimed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates accounts: self-registration, accounts an administrator creates, and the bootstrap administrator. The
 * rules beyond syntax (Bean Validation at the boundary) are checked here, so every way in applies them alike.
 */
@ApplicationScoped
@RetriedOnConflict
public class Registration {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    Event<UsernameClaimed> claimed;

    @Transactional
    public User register(String username, String email, String password, Set<String> roles) {
        refuseInvalid(username, email, password, roles);
        String canonicalUsername = UserRepository.canonical(username);
        String canonicalEmail = UserRepository.canonical(email);
        if (users.byUsername(canonicalUsername).isPresent()) {
            throw usernameTaken();
        }
        if (users.byEmail(canonicalEmail).isPresent()) {
            throw emailTaken();
        }
        claimed.fire(new UsernameClaimed(canonicalUsername)); // an OAuth client's id is refused as username_taken
        User user = new User(canonicalUsername, canonicalEmail, hasher.hash(password), roles, clock.instant());
        try {
            users.add(user);
        } catch (PersistenceException raceLost) {
            if (WriteConflicts.causedBy(raceLost)) {
                throw raceLost; // a lost write conflict: the whole registration runs again (RetriedOnConflict)
            }
            // another request registered the same name or email between our check and our insert
            throw takenKey(raceLost);
        }
        return user;
    }

    /** One 400 naming every field that breaks a rule, before anything is looked up or hashed. */
    private static void refuseInvalid(String username, String email, String password, Set<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddresses.refusal(email).ifPresent(message -> errors.add(new FieldError("email", message)));
        PasswordRules.refusal(password, username).ifPresent(message -> errors.add(new FieldError("password",
                message)));
        if (roles.isEmpty() || roles.stream().anyMatch(role -> role == null || !Role.KNOWN.contains(role))) {
            errors.add(new FieldError("roles", "must name at least one role, each one of " + Role.KNOWN_NAMES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    /**
     * Which unique key the losing insert hit, from the database's message (every database names the constraint).
     * The users cannot be queried again to find out: the failed insert is still pending in the persistence context,
     * and the query's automatic flush would run it, and fail, once more.
     */
    private static ProblemException takenKey(PersistenceException raceLost) {
        for (Throwable cause = raceLost; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("ux_users_email")) {
                return emailTaken();
            }
        }
        return usernameTaken();
    }

    private static ProblemException usernameTaken() {
        return new ProblemException(ProblemType.USERNAME_TAKEN);
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ProblemType.EMAIL_TAKEN);
    }
}
