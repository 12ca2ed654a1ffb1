package io.keyturn.security.control;

import io.keyturn.security.entity.StrictModeSettings;
import io.keyturn.sessions.control.SessionRepository;
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
 * Strict mode ({@code keyturn.access-token.strict=true}): a small in-memory view, per session, of "its user is
 * disabled", "tokens valid after" and "the session has ended", refreshed from the database at most every
 * {@code keyturn.access-token.strict-cache-seconds}. So a disabled user's access tokens, tokens issued before a
 * password change or a logout everywhere, and the tokens of a session that was signed out or revoked (one device, by
 * its user or an administrator) are refused within that delay, at the cost of two small reads per active session per
 * period. The session's end is what refuses a token issued in the very second of a logout everywhere or a password
 * change: {@code iat} counts whole seconds, so the time check alone cannot tell it from one issued just after. While
 * the database cannot be read, the last known view is used; a session never seen before is refused (fail closed).
 */
@ApplicationScoped
public class AccessTokenRevocations {

    private static final Logger LOG = Logger.getLogger(AccessTokenRevocations.class.getName());
    /** Bounds the memory the cache may take; beyond it, the oldest half is forgotten (and reloaded when needed). */
    private static final int MAX_SESSIONS = 100_000;

    private final ConcurrentMap<String, View> views = new ConcurrentHashMap<>();

    @Inject
    StrictModeSettings settings;

    @Inject
    UserRepository users;

    @Inject
    SessionRepository sessions;

    @Inject
    Clock clock;

    record View(boolean accepted, long validAfterEpochSecond, Instant loadedAt) {

        static View refusing(Instant now) {
            return new View(false, Long.MAX_VALUE, now);
        }
    }

    public boolean refuses(String userId, String sessionId, long issuedAtEpochSecond) {
        if (sessionId == null) {
            return true; // a client's token: it names no user whose state strict mode could check
        }
        Instant now = clock.instant();
        View view = views.get(sessionId);
        if (view == null || view.loadedAt().plus(settings.strictCache()).isBefore(now)) {
            view = load(userId, sessionId, now).orElse(view);
        }
        return view == null || !view.accepted() || issuedAtEpochSecond < view.validAfterEpochSecond();
    }

    private Optional<View> load(String userId, String sessionId, Instant now) {
        try {
            View loaded = read(userId, sessionId, now);
            if (views.size() >= MAX_SESSIONS) {
                views.keySet().stream().limit(MAX_SESSIONS / 2).toList().forEach(views::remove);
            }
            views.put(sessionId, loaded);
            return Optional.of(loaded);
        } catch (RuntimeException databaseAway) {
            LOG.log(Level.FINE, "Strict mode could not refresh a session's view; using the last known one",
                    databaseAway);
            return Optional.empty();
        }
    }

    /** Plain reads; outside a transaction the persistence context hands back detached snapshots. */
    private View read(String userId, String sessionId, Instant now) {
        boolean sessionLive = sessions.byId(sessionId)
                .filter(session -> session.userId().equals(userId) && session.revokedAt() == null)
                .isPresent();
        Optional<User> user = users.byId(userId).filter(User::enabled);
        if (!sessionLive || user.isEmpty()) {
            return View.refusing(now);
        }
        Instant validAfter = user.get().tokensValidAfter();
        return new View(true, validAfter == null ? Long.MIN_VALUE : validAfter.getEpochSecond(), now);
    }
}
