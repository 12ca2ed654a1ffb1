package io.keyturn.users.control;

import io.keyturn.database.RetriedOnConflict;
import io.keyturn.database.RowIds;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
@RetriedOnConflict
public class UserRepository {

    @PersistenceContext
    EntityManager em;

    /**
     * The form in which usernames and emails are stored, looked up and counted by the login throttle (a login may be
     * either): Unicode NFKC, then lower case, without surrounding whitespace. So "Alice" and "alice" are one account,
     * and so are "alice@example.com" and its fullwidth or other compatibility look-alikes.
     */
    public static String canonical(String usernameOrEmail) {
        return Normalizer.normalize(usernameOrEmail, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    public Optional<User> byId(String id) {
        if (!RowIds.wellFormed(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * The user's row, locked until the transaction ends ({@code SELECT ... FOR UPDATE}), for every change to it: a
     * change writes the whole row back, so two changes that each read it first (a password change and a disable, say)
     * would otherwise let the later commit undo the earlier one.
     */
    public Optional<User> lockedById(String id) {
        if (!RowIds.wellFormed(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<User> byUsername(String username) {
        return first(User.BY_USERNAME, "name", canonical(username));
    }

    public Optional<User> byEmail(String email) {
        return first(User.BY_EMAIL, "email", canonical(email));
    }

    /**
     * Login accepts the username or the email; usernames cannot contain '@', so the form tells which. Decided on the
     * canonical form: a compatibility spelling of '@' (fullwidth U+FF20, small U+FE6B) is an '@' after NFKC.
     */
    public Optional<User> byLogin(String login) {
        return canonical(login).contains("@") ? byEmail(login) : byUsername(login);
    }

    public List<User> page(int offset, int limit) {
        return em.createNamedQuery(User.PAGE, User.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    /**
     * A stronger hash of the same password, after the hashing parameters were raised. Skipped when the stored hash is
     * no longer the one that was checked: a password change committed meanwhile stays. Returns the user with the new
     * hash, or empty when skipped.
     */
    @Transactional
    public Optional<User> upgradePasswordHash(User checked, String newHash) {
        Optional<User> upgraded = lockedById(checked.id())
                .filter(current -> current.passwordHash().equals(checked.passwordHash()));
        upgraded.ifPresent(current -> current.upgradePasswordHash(newHash));
        return upgraded;
    }

    public void add(User user) {
        em.persist(user);
        em.flush(); // surface a unique-key race here, inside the caller's try, not at commit
    }

    private Optional<User> first(String query, String parameter, String value) {
        return em.createNamedQuery(query, User.class).setParameter(parameter, value).getResultStream().findFirst();
    }
}
