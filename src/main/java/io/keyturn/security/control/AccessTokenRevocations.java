package io.keyturn.security.control;

import io.keyturn.security.entity.StrictModeSettings;
import io.keyturn.users.control.UserRepository;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Strict mode ({@code keyturn.access-token.strict=true}): a small in-memory view, per user, of "disabled" and
 * "tokens valid after", refreshed from the database at most every {@code keyturn.access-token.strict-cache-seconds}.
 * So a disabled user's access tokens, or tokens issued before a password change or a logout everywhere, are refused
 * within that delay, at the cost of one small query per active user per period. While the database cannot be read,
 * the last known view is used; a user never seen before is refused (fail closed).
 */
@ApplicationScoped
public class AccessTokenRevocations {

    private static final Logger LOG = Logger.getLogger(AccessTokenRevocations.class.getName());
    /** Bounds the memory the cache may take; beyond it, the oldest half is forgotten (and reloaded when needed). */
    private static final int MAX_USERS = 100_000;

    private final ConcurrentMap<String, View> views = new ConcurrentHashMap<>();

    @Inject
    StrictModeSettings settings;

    @Inject
    UserRepository users;

    @Inject
    Clock clock;

    record View(boolean enabled, long validAfterEpochSecond, Instant loadedAt) {
    }

    public boolean refuses(String userId, long issuedAtEpochSecond) {
        Instant now = clock.instant();
        View view = views.get(userId);
        if (view == null || view.loadedAt().plus(settings.strictCache()).isBefore(now)) {
            view = load(userId, now).orElse(view);
        }
        return view == null || !view.enabled() || issuedAtEpochSecond < view.validAfterEpochSecond();
    }

    private Optional<View> load(String userId, Instant now) {
        try {
            Optional<View> loaded = read(userId).map(user -> new View(user.enabled(),
                    user.tokensValidAfter() == null ? Long.MIN_VALUE : user.tokensValidAfter().getEpochSecond(), now));
            if (views.size() >= MAX_USERS) {
                views.keySet().stream().limit(MAX_USERS / 2).toList().forEach(views::remove);
            }
            loaded.ifPresentOrElse(view -> views.put(userId, view), () -> views.put(userId,
                    new View(false, Long.MAX_VALUE, now)));
            return Optional.of(views.get(userId));
        } catch (RuntimeException databaseAway) {
            LOG.log(Level.FINE, "Strict mode could not refresh a user's view; using the last known one", databaseAway);
            return Optional.empty();
        }
    }

    /** A plain read; outside a transaction the persistence context hands back a detached snapshot. */
    private Optional<User> read(String userId) {
        return users.byId(userId);
    }
}
