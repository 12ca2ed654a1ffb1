package io.keyturn.security.control;

import io.keyturn.configuration.Settings;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.security.entity.ThrottleCounter;
import io.keyturn.users.control.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Brute-force throttling of logins, per account and per client address, with the counters in the database so every
 * instance agrees. An account is the login as presented (canonical), whether or not it exists, so the throttle
 * tells nothing about which accounts exist; its limit is low. A client address has a higher limit (several users
 * may share one). While either is blocked, login answers 429 {@code too_many_attempts} with Retry-After, before any
 * password is hashed. Throttling one account never blocks another account from another address.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_SUBJECT_LENGTH = 320;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Transactional
    public void checkAllowed(String login, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = List.of(accountOf(login), clientOf(clientAddress)).stream()
                .map(subject -> em.find(ThrottleCounter.class, subject))
                .filter(counter -> counter != null)
                .map(counter -> counter.blockedFor(now))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        if (!wait.isZero()) {
            SecurityLog.alert("login_throttled", "refused", null, null, clientAddress);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ProblemException(Status.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed logins; try again in " + seconds + " seconds")
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }

    /** In a transaction of its own, so the count stays even though the login itself fails. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordFailure(String login, String clientAddress) {
        Instant now = clock.instant();
        count(accountOf(login), settings.throttleAccountMaxFailures(), now, clientAddress);
        count(clientOf(clientAddress), settings.throttleClientMaxFailures(), now, clientAddress);
    }

    /** A correct password clears the account's count; the client's stays (one's own account must not reset it). */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordSuccess(String login) {
        ThrottleCounter counter = em.find(ThrottleCounter.class, accountOf(login));
        if (counter != null) {
            em.remove(counter);
        }
    }

    private void count(String subject, int maxFailures, Instant now, String clientAddress) {
        ThrottleCounter counter = em.find(ThrottleCounter.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new ThrottleCounter(subject, now);
            em.persist(counter);
        }
        if (counter.fail(now, settings.throttleWindow(), maxFailures, settings.throttleLockout())) {
            SecurityLog.alert("login_throttle_started", subject.startsWith("account:") ? "account_blocked"
                    : "client_blocked", null, null, clientAddress);
        }
    }

    static String accountOf(String login) {
        return limit("account:" + UserRepository.canonical(login));
    }

    static String clientOf(String clientAddress) {
        return limit("client:" + clientAddress);
    }

    private static String limit(String subject) {
        return subject.length() <= MAX_SUBJECT_LENGTH ? subject : subject.substring(0, MAX_SUBJECT_LENGTH);
    }
}
