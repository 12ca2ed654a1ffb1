package io.keyturn.sessions.control;

import io.keyturn.sessions.entity.RefreshToken;
import java.util.Objects;

/**
 * What {@link RefreshDecision} made of one presented refresh token: {@link #action()} is what the transaction does,
 * {@link #because()} names the rule that decided (tests and the documented order of the checks refer to it), and
 * {@link #successor()} is the locked successor row a grace retry is answered with.
 */
public record RefreshOutcome(Because because, RefreshToken successor) {

    /** What the caller of the decision does; a switch over it covers every outcome. */
    public enum Action {
        /** Issue a successor, retire the presented token, mark the session used: 200. */
        ROTATE,
        /** Hand back the successor already issued, unsealed; nothing changes in the database: 200. */
        RETURN_GRACE_SUCCESSOR,
        /** 403 {@code account_disabled}; nothing changes. */
        REJECT_ACCOUNT_DISABLED,
        /** 401 {@code refresh_token_invalid}; nothing changes. */
        REJECT_INVALID,
        /** 401 {@code refresh_token_reused}; the session is revoked first when {@link #revokesSession()} says so. */
        REJECT_REUSED
    }

    /** Every rule that can decide a refresh, with its action; listed in the order they are checked. */
    public enum Because {
        ACCOUNT_DISABLED(Action.REJECT_ACCOUNT_DISABLED),
        /** Answered as reuse again, but the session is not revoked twice nor the alert logged twice. */
        SESSION_REVOKED_FOR_REUSE(Action.REJECT_REUSED),
        /** Logout, logout-all, password change, admin, disabled user, session limit. */
        SESSION_REVOKED(Action.REJECT_INVALID),
        SESSION_EXPIRED(Action.REJECT_INVALID),
        TOKEN_EXPIRED(Action.REJECT_INVALID),
        LIVE(Action.ROTATE),
        GRACE_RETRY(Action.RETURN_GRACE_SUCCESSOR),
        RETIRED_AFTER_GRACE(Action.REJECT_REUSED),
        /** The successor was itself rotated: the presented token is an ancestor, not a retry. */
        SUCCESSOR_USED(Action.REJECT_REUSED),
        /** No successor row any more (purged after its own expiry): nothing to hand back. */
        SUCCESSOR_MISSING(Action.REJECT_REUSED),
        /** Retired while the window was off, or the sealed copy is already erased: nothing to hand back. */
        SUCCESSOR_NOT_SEALED(Action.REJECT_REUSED);

        private final Action action;

        Because(Action action) {
            this.action = action;
        }

        public Action action() {
            return action;
        }
    }

    public RefreshOutcome {
        Objects.requireNonNull(because, "because");
        if ((because == Because.GRACE_RETRY) != (successor != null)) {
            throw new IllegalArgumentException("a successor goes with a grace retry, and only with it");
        }
    }

    static RefreshOutcome of(Because because) {
        return new RefreshOutcome(because, null);
    }

    static RefreshOutcome graceRetry(RefreshToken successor) {
        return new RefreshOutcome(Because.GRACE_RETRY, successor);
    }

    public Action action() {
        return because.action();
    }

    /** Reuse detected by this refresh ends the session; a session already revoked for reuse stays as it is. */
    public boolean revokesSession() {
        return action() == Action.REJECT_REUSED && because != Because.SESSION_REVOKED_FOR_REUSE;
    }
}
