package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import io.keyturn.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules of one refresh, in the order they are checked, as a function of what is stored and the time: no
 * database, no clock, no side effects, so every rule is unit-tested (RefreshDecisionTest). The caller
 * ({@link RefreshTokenRotation}) loads and locks the rows and applies the {@link RefreshOutcome}.
 *
 * <p>The order matters and is the one documented in docs/sessions.md ("Order of the checks"): the account first, so
 * a disabled user always hears {@code account_disabled}; then the session, so a revoked or ended session refuses
 * every token of its family alike; only then the token itself.
 */
public final class RefreshDecision {

    /**
     * The successor row, locked for the rest of the transaction. Asked for only when a retired token is presented
     * inside the grace window, so no other refresh takes a second row lock.
     */
    @FunctionalInterface
    public interface SuccessorLookup {
        Optional<RefreshToken> lockedSuccessor(String successorHash);
    }

    private RefreshDecision() {
    }

    /**
     * @param token the stored row of the presented token (found by its hash; an unknown token never gets here)
     * @param session the token's session
     * @param user the session's user
     * @param storedTimeLoss how much earlier than written the database may give a stored time back
     *        ({@link RefreshPolicy#withinGrace})
     */
    public static RefreshOutcome decide(RefreshToken token, Session session, User user, Instant now,
            RefreshPolicy policy, Duration storedTimeLoss, SuccessorLookup successors) {
        if (!user.enabled()) {
            return RefreshOutcome.of(RefreshOutcome.Because.ACCOUNT_DISABLED);
        }
        if (session.revokedAt() != null) {
            return RefreshOutcome.of(session.revokeReason() == RevokeReason.REUSE
                    ? RefreshOutcome.Because.SESSION_REVOKED_FOR_REUSE
                    : RefreshOutcome.Because.SESSION_REVOKED);
        }
        if (!session.activeAt(now)) { // not revoked, so: at or past its absolute expiry
            return RefreshOutcome.of(RefreshOutcome.Because.SESSION_EXPIRED);
        }
        if (token.live()) {
            return RefreshOutcome.of(token.expiredAt(now)
                    ? RefreshOutcome.Because.TOKEN_EXPIRED
                    : RefreshOutcome.Because.LIVE);
        }
        // A retired token: a retry, or reuse. Its own expiry does not matter here: inside the window the retry is
        // answered like any other, outside it the token is reuse whether or not it has expired since.
        if (!policy.withinGrace(token.retiredAt(), now, storedTimeLoss)) {
            return RefreshOutcome.of(RefreshOutcome.Because.RETIRED_AFTER_GRACE);
        }
        return graceRetry(token, successors.lockedSuccessor(token.successorHash()));
    }

    /** Inside the window only a successor that is still unused, and still sealed, can be handed back. */
    private static RefreshOutcome graceRetry(RefreshToken retired, Optional<RefreshToken> successor) {
        if (successor.isEmpty()) {
            return RefreshOutcome.of(RefreshOutcome.Because.SUCCESSOR_MISSING);
        }
        if (!successor.get().live()) {
            return RefreshOutcome.of(RefreshOutcome.Because.SUCCESSOR_USED);
        }
        if (retired.successorSealed() == null) {
            return RefreshOutcome.of(RefreshOutcome.Because.SUCCESSOR_NOT_SEALED);
        }
        return RefreshOutcome.graceRetry(successor.get());
    }
}
