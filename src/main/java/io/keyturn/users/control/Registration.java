package io.keyturn.users.control;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.util.Set;

@ApplicationScoped
public class Registration {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Transactional
    public User register(String username, String email, String password, Set<String> roles) {
        String canonicalUsername = UserRepository.canonical(username);
        String canonicalEmail = UserRepository.canonical(email);
        if (users.byUsername(canonicalUsername).isPresent()) {
            throw usernameTaken();
        }
        if (users.byEmail(canonicalEmail).isPresent()) {
            throw emailTaken();
        }
        User user = new User(canonicalUsername, canonicalEmail, hasher.hash(password), roles, clock.instant());
        try {
            users.add(user);
        } catch (PersistenceException raceLost) {
            // another request registered the same name between our check and our insert
            throw users.byUsername(canonicalUsername).isPresent() ? usernameTaken() : emailTaken();
        }
        return user;
    }

    private static ProblemException usernameTaken() {
        return new ProblemException(Status.CONFLICT, "username_taken", "This username is already registered");
    }

    private static ProblemException emailTaken() {
        return new ProblemException(Status.CONFLICT, "email_taken", "This email address is already registered");
    }
}
