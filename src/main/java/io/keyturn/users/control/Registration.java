package io.keyturn.users.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.database.WriteConflicts;
import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.users.entity.Role;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Creates accounts: self-registration, accounts an administrator creates, and the bootstrap administrator. Every rule
 * is checked here (the boundary's Bean Validation repeats the syntax for its error messages), so every way in applies
 * them alike, the bootstrap administrator's settings included. Every account has the role {@code user}: the
 * self-service endpoints (sessions, password, logout everywhere) require it.
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
    PrincipalNames names;

    /** The username rule: also the pattern of the boundary's requests. */
    public static final String USERNAME_PATTERN = "^[A-Za-z0-9._-]{3,64}$";
    public static final String USERNAME_RULE = "must be 3 to 64 letters, digits, dots, underscores or hyphens";

    @Transactional
    public User register(String username, String email, String password, Set<String> roles) {
        return create(username, email, EmailAddresses.refusal(email), password, roles);
    }

    /**
     * The bootstrap administrator ({@link AdminBootstrap}), with roles {@code user} and {@code admin} and the
     * address {@code <username>@admin.invalid}, a domain no other account may use, so no one can take it first.
     */
    @Transactional
    public User registerBootstrapAdministrator(String username, String password) {
        // the address is made here, not typed: only the other rules apply
        return create(username, EmailAddresses.bootstrapAddressOf(username), Optional.empty(), password,
                Set.of(Role.ADMIN));
    }

    private User create(String username, String email, Optional<String> emailRefusal, String password,
            Set<String> requestedRoles) {
        refuseInvalid(username, emailRefusal, password, requestedRoles);
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Role.USER);
        roles.addAll(requestedRoles);
        String canonicalUsername = UserRepository.canonical(username);
        String canonicalEmail = UserRepository.canonical(email);
        // before the first query: the transaction takes a pooled connection only then, and the hash may wait its turn
        // in the hashing budget for seconds under a burst, which must not hold a connection; a taken name costs a hash
        String passwordHash = hasher.hash(password);
        // an account's or an OAuth client's: both are upn and preferred_username in access tokens
        if (names.taken(canonicalUsername)) {
            throw usernameTaken();
        }
        if (users.byEmail(canonicalEmail).isPresent()) {
            throw emailTaken();
        }
        User user = new User(canonicalUsername, canonicalEmail, passwordHash, roles, clock.instant());
        try {
            names.claimForAccount(canonicalUsername); // inserted with the account, by the flush in add
            users.add(user);
        } catch (PersistenceException raceLost) {
            if (WriteConflicts.causedBy(raceLost)) {
                throw raceLost; // a lost write conflict: the whole registration runs again (RetriedOnConflict)
            }
            // another request registered the same name (an account or a client) or email between our check and our
            // insert
            throw takenKey(raceLost);
        }
        return user;
    }

    /** One 400 naming every field that breaks a rule, before anything is looked up or hashed. */
    private static void refuseInvalid(String username, Optional<String> emailRefusal, String password,
            Set<String> roles) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            errors.add(new FieldError("username", USERNAME_RULE));
        }
        emailRefusal.ifPresent(message -> errors.add(new FieldError("email", message)));
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
