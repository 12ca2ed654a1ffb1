package io.keyturn.throttling.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.throttling.entity.ThrottleCounter;
import io.keyturn.throttling.entity.ThrottlePolicy;
import io.keyturn.throttling.entity.ThrottleReservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force throttling of password checks (login and password change), per account and per client address, and
 * of registrations per client address, with the counters in the database so every instance agrees.
 * <p>
 * An attempt is <em>reserved</em> before the password is hashed: under the row locks of its account and its address,
 * it is refused when either has used up its attempts, else counted on both. So N attempts arriving at once are
 * checked at most as often as the limit allows, on one instance or many; the rest get 429 {@code too_many_attempts}
 * with Retry-After. A failed check keeps its count (the last allowed failure starts a block); a successful one gives
 * it back. An account is the user's id when the login names an existing user, whichever identifier was typed, and
 * the login as typed (canonical) otherwise, so unknown logins are throttled alike and the throttle reveals nothing.
 */
@ApplicationScoped
@RetriedOnConflict
public class LoginThrottle {

    private static final int MAX_SUBJECT_LENGTH = 320;

    @Inject
    ThrottleCounters counters;

    @Inject
    ThrottleSettings settings;

    @Inject
    Clock clock;

    private static final String USER = "user:";

    /** The throttle subject of an account: the user when it exists, else what was typed (already canonical). */
    public static String accountOf(Optional<String> userId, String canonicalLogin) {
        return limit(userId.map(id -> USER + id).orElseGet(() -> "login:" + canonicalLogin));
    }

    /**
     * The user an account subject names, for the security log: the operator must see whose account an attack
     * blocks. Never the login as typed (it may be a password typed into the wrong field).
     */
    private static String userOf(String accountSubject) {
        return accountSubject != null && accountSubject.startsWith(USER) ? accountSubject.substring(USER.length())
                : null;
    }

    /**
     * Reserves one password check of the account from the address, or refuses it with 429. Not part of the caller's
     * transaction: the count must stay even when the check fails.
     */
    public ThrottleReservation reserve(String accountSubject, String clientAddress, String event) {
        ThrottleReservation reservation = new ThrottleReservation(accountSubject, clientOf(clientAddress),
                clientAddress);
        return reserved(reservation, List.of(accountSubject, reservation.clientSubject()),
                List.of(settings.account(), settings.client()), event);
    }

    /**
     * Reserves one check of a secret no one can guess (an OAuth client's 256 random bits) from the address, or
     * refuses it with 429. Counted per address only: a count per client id would let anyone who knows the id block
     * its holder, and protect nothing. On a counter of its own, apart from the address's failed logins: users who
     * mistype their passwords behind one address (a proxy, a backend that logs its users in) must not lock a
     * service's client at that address out of introspection.
     */
    public ThrottleReservation reserveFromAddress(String clientAddress, String event) {
        ThrottleReservation reservation = new ThrottleReservation(null, limit("oauth-client:" + clientAddress),
                clientAddress);
        return reserved(reservation, List.of(reservation.clientSubject()), List.of(settings.client()), event);
    }

    /** Counts one attempt on each subject under its policy, or refuses with 429 when any has none left. */
    private ThrottleReservation reserved(ThrottleReservation reservation, List<String> subjects,
            List<ThrottlePolicy> policies, String event) {
        Instant now = clock.instant();
        counters.ensureExist(subjects, now);
        Duration wait = counters.reserveAll(subjects, policies, now);
        if (!wait.isZero()) {
            SecurityLog.alert(event + "_throttled", "refused", userOf(reservation.accountSubject()), null,
                    reservation.clientAddress());
            throw tooManyAttempts(wait, "Too many failed attempts");
        }
        return reservation;
    }

    /** The password was wrong: the attempt stays counted, and may start a block. */
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(ThrottleReservation reservation) {
        Instant now = clock.instant();
        account(reservation)
                .filter(counter -> counter.failed(now, settings.account()))
                .ifPresent(counter -> SecurityLog.alert("login_throttle_started", "account_blocked",
                        userOf(reservation.accountSubject()), null, reservation.clientAddress()));
        counters.lockedIfPresent(reservation.clientSubject())
                .filter(counter -> counter.failed(now, settings.client()))
                .ifPresent(counter -> SecurityLog.alert("login_throttle_started", "client_blocked", null, null,
                        reservation.clientAddress()));
    }

    /**
     * The password was right: the account's count is cleared, the address's reservation given back (one's own
     * account must not clear the failures others made from the same address). The account's row stays (housekeeping
     * deletes it once stale): deleting it here made logins of the account arriving meanwhile insert it again at
     * once, and all but one of those inserts failed on the primary key.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(ThrottleReservation reservation) {
        account(reservation).ifPresent(ThrottleCounter::cleared);
        counters.lockedIfPresent(reservation.clientSubject()).ifPresent(ThrottleCounter::released);
    }

    /**
     * The password was not checked (the server had no room to hash it): the attempt is given back on both subjects
     * and the account's earlier failures stay.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void unchecked(ThrottleReservation reservation) {
        account(reservation).ifPresent(ThrottleCounter::released);
        counters.lockedIfPresent(reservation.clientSubject()).ifPresent(ThrottleCounter::released);
    }

    /**
     * An administrator lifts a user's block and forgets its failures, for a user kept out by someone who knows the
     * username. The addresses' counts stay, so whoever caused the block is still limited. Returns whether the
     * account was blocked.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean unblockAccount(String userId) {
        return counters.lockedIfPresent(accountOf(Optional.of(userId), null))
                .map(counter -> counter.unblocked(clock.instant())).orElse(false);
    }

    private Optional<ThrottleCounter> account(ThrottleReservation reservation) {
        return Optional.ofNullable(reservation.accountSubject()).flatMap(counters::lockedIfPresent);
    }

    /** Counts one registration from the address, successful or not, or refuses it with 429. */
    public void reserveRegistration(String clientAddress) {
        String subject = limit("registration:" + clientAddress);
        Instant now = clock.instant();
        counters.ensureExist(List.of(subject), now);
        Duration wait = counters.reserveAll(List.of(subject), List.of(settings.registration()), now);
        if (!wait.isZero()) {
            SecurityLog.alert("registration_throttled", "refused", null, null, clientAddress);
            throw tooManyAttempts(wait, "Too many registrations from this address");
        }
    }

    private static ProblemException tooManyAttempts(Duration wait, String what) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(ProblemType.TOO_MANY_ATTEMPTS, what + "; try again in " + seconds + " seconds")
                .withHeader("Retry-After", String.valueOf(seconds));
    }

    static String clientOf(String clientAddress) {
        return limit("client:" + clientAddress);
    }

    private static String limit(String subject) {
        return subject.length() <= MAX_SUBJECT_LENGTH ? subject : subject.substring(0, MAX_SUBJECT_LENGTH);
    }
}
