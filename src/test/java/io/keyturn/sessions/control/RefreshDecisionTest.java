package io.keyturn.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.keyturn.sessions.control.RefreshOutcome.Action;
import io.keyturn.sessions.control.RefreshOutcome.Because;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.sessions.entity.RefreshPolicy;
import io.keyturn.sessions.entity.RefreshToken;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.Session;
import io.keyturn.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of one refresh, and the instants where one rule hands over to the next. */
class RefreshDecisionTest {

    static final Instant LOGIN = Instant.parse("2030-01-01T00:00:00Z");
    static final Duration IDLE = Duration.ofHours(1);
    static final Duration ABSOLUTE = Duration.ofDays(1);
    static final Duration GRACE = Duration.ofSeconds(30);
    static final RefreshPolicy POLICY = new RefreshPolicy(IDLE, ABSOLUTE, GRACE);
    static final Duration NANO = Duration.ofNanos(1);

    final User user = new User("alice", "alice@example.org", "$argon2id$...", Set.of("user"), LOGIN);
    final Session session = new Session(user.id(), new ClientInfo("test", "192.0.2.1"), LOGIN,
            LOGIN.plus(ABSOLUTE));
    final RefreshToken token = new RefreshToken(hash('a'), session.id(), LOGIN, LOGIN.plus(IDLE));
    final RefreshToken successor = new RefreshToken(hash('b'), session.id(), LOGIN.plusSeconds(60),
            LOGIN.plusSeconds(60).plus(IDLE));
    final List<String> lookedUp = new ArrayList<>();

    /** The successor lookup of a test that has one; it records what the decision asked for. */
    RefreshDecision.SuccessorLookup successorIs(Optional<RefreshToken> found) {
        return hash -> {
            lookedUp.add(hash);
            return found;
        };
    }

    /** Outside the grace path the decision must not ask: the transaction would lock a second row for nothing. */
    static final RefreshDecision.SuccessorLookup NO_LOOKUP = hash -> fail("looked up the successor " + hash);

    RefreshOutcome decide(Instant now) {
        return RefreshDecision.decide(token, session, user, now, POLICY, Duration.ZERO, NO_LOOKUP);
    }

    static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Nested
    class ALiveToken {

        @Test
        void rotates() {
            RefreshOutcome outcome = decide(LOGIN.plusSeconds(60));
            assertEquals(Because.LIVE, outcome.because());
            assertEquals(Action.ROTATE, outcome.action());
            assertNull(outcome.successor());
            assertFalse(outcome.revokesSession());
        }

        @Test
        void rotatesOneInstantBeforeItsIdleExpiry() {
            assertEquals(Because.LIVE, decide(token.expiresAt().minus(NANO)).because());
        }

        /** RefreshToken.expiredAt: expired from its expiresAt on ({@code !now.isBefore(expiresAt)}). */
        @Test
        void isInvalidExactlyAtItsIdleExpiry() {
            RefreshOutcome outcome = decide(token.expiresAt());
            assertEquals(Because.TOKEN_EXPIRED, outcome.because());
            assertEquals(Action.REJECT_INVALID, outcome.action());
            assertFalse(outcome.revokesSession());
        }

        @Test
        void isInvalidAfterItsIdleExpiry() {
            assertEquals(Because.TOKEN_EXPIRED, decide(token.expiresAt().plusSeconds(1)).because());
        }
    }

    @Nested
    class TheSession {

        /** Near its end a session's token expires with it (RefreshPolicy.tokenExpiresAt caps it). */
        final RefreshToken lastToken = new RefreshToken(hash('c'), session.id(), session.expiresAt().minus(IDLE)
                .plusSeconds(1), session.expiresAt());

        RefreshOutcome decideLast(Instant now) {
            return RefreshDecision.decide(lastToken, session, user, now, POLICY, Duration.ZERO, NO_LOOKUP);
        }

        @Test
        void stillRotatesOneInstantBeforeItsAbsoluteExpiry() {
            assertEquals(Because.LIVE, decideLast(session.expiresAt().minus(NANO)).because());
        }

        /** Session.activeAt: active before its expiresAt only; the session is checked before the token. */
        @Test
        void refusesExactlyAtItsAbsoluteExpiryBeforeLookingAtTheToken() {
            RefreshOutcome outcome = decideLast(session.expiresAt());
            assertEquals(Because.SESSION_EXPIRED, outcome.because());
            assertEquals(Action.REJECT_INVALID, outcome.action());
        }

        @Test
        void refusesARetiredTokenOnceItHasEndedTooWithoutCallingItReuse() {
            token.retire(LOGIN.plusSeconds(60), successor.tokenHash(), "sealed");
            RefreshOutcome outcome = decide(session.expiresAt().plusSeconds(1));
            assertEquals(Because.SESSION_EXPIRED, outcome.because());
            assertFalse(outcome.revokesSession());
        }

        @Test
        void revokedForReuseAnswersReusedWithoutRevokingAgain() {
            session.revoke(LOGIN.plusSeconds(60), RevokeReason.REUSE);
            RefreshOutcome outcome = decide(LOGIN.plusSeconds(61));
            assertEquals(Because.SESSION_REVOKED_FOR_REUSE, outcome.because());
            assertEquals(Action.REJECT_REUSED, outcome.action());
            assertFalse(outcome.revokesSession(), "revoked once, logged once");
        }

        @ParameterizedTest
        @EnumSource(value = RevokeReason.class, names = "REUSE", mode = EnumSource.Mode.EXCLUDE)
        void revokedForAnyOtherReasonIsInvalid(RevokeReason reason) {
            session.revoke(LOGIN.plusSeconds(60), reason);
            RefreshOutcome outcome = decide(LOGIN.plusSeconds(61));
            assertEquals(Because.SESSION_REVOKED, outcome.because());
            assertEquals(Action.REJECT_INVALID, outcome.action());
        }

        @Test
        void revokedIsCheckedBeforeExpired() {
            session.revoke(LOGIN.plusSeconds(60), RevokeReason.REUSE);
            assertEquals(Because.SESSION_REVOKED_FOR_REUSE, decide(session.expiresAt().plusSeconds(1)).because());
        }

        @Test
        void revokedIsCheckedBeforeTheToken() {
            session.revoke(LOGIN.plusSeconds(60), RevokeReason.LOGOUT);
            token.retire(LOGIN.plusSeconds(60), successor.tokenHash(), "sealed");
            assertEquals(Because.SESSION_REVOKED, decide(LOGIN.plusSeconds(3600 * 5)).because());
        }
    }

    @Nested
    class ADisabledUser {

        @Test
        void isRefusedAsSuch() {
            user.setEnabled(false);
            RefreshOutcome outcome = decide(LOGIN.plusSeconds(60));
            assertEquals(Because.ACCOUNT_DISABLED, outcome.because());
            assertEquals(Action.REJECT_ACCOUNT_DISABLED, outcome.action());
            assertFalse(outcome.revokesSession());
        }

        /** Disabling revokes every session; the answer must still say why, not refresh_token_invalid. */
        @Test
        void isCheckedFirstEvenWhenTheSessionIsRevokedOrTheTokenReused() {
            user.setEnabled(false);
            session.revoke(LOGIN.plusSeconds(60), RevokeReason.USER_DISABLED);
            token.retire(LOGIN.plusSeconds(60), successor.tokenHash(), "sealed");
            assertEquals(Because.ACCOUNT_DISABLED, decide(session.expiresAt().plusSeconds(1)).because());
        }
    }

    @Nested
    class ARetiredToken {

        final Instant retiredAt = LOGIN.plusSeconds(60);

        @Test
        void withinTheWindowGetsItsLiveSealedSuccessor() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            RefreshOutcome outcome = RefreshDecision.decide(token, session, user, retiredAt.plusSeconds(1), POLICY, Duration.ZERO,
                    successorIs(Optional.of(successor)));
            assertEquals(Because.GRACE_RETRY, outcome.because());
            assertEquals(Action.RETURN_GRACE_SUCCESSOR, outcome.action());
            assertSame(successor, outcome.successor());
            assertEquals(List.of(successor.tokenHash()), lookedUp, "locks exactly its successor");
            assertFalse(outcome.revokesSession());
        }

        @Test
        void atTheVeryInstantItWasRetiredIsARetry() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            assertEquals(Because.GRACE_RETRY, RefreshDecision.decide(token, session, user, retiredAt, POLICY, Duration.ZERO,
                    successorIs(Optional.of(successor))).because());
        }

        @Test
        void oneInstantBeforeTheWindowClosesIsStillARetry() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            assertEquals(Because.GRACE_RETRY, RefreshDecision.decide(token, session, user,
                    retiredAt.plus(GRACE).minus(NANO), POLICY, Duration.ZERO, successorIs(Optional.of(successor))).because());
        }

        /** The window is {@code now.isBefore(retiredAt + grace)}: its limit is already outside. */
        @Test
        void exactlyAtTheWindowsLimitIsReuseAndRevokesTheSession() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            RefreshOutcome outcome = decide(retiredAt.plus(GRACE));
            assertEquals(Because.RETIRED_AFTER_GRACE, outcome.because());
            assertEquals(Action.REJECT_REUSED, outcome.action());
            assertTrue(outcome.revokesSession());
        }

        /**
         * A database that keeps whole seconds gives retiredAt back up to a second early (MariaDB before 11 through
         * Connector/J): the window allows for it, so a retry inside the window by the clock is no reuse.
         */
        @Test
        void aRetryInsideTheWindowIsARetryWhereTheDatabaseDroppedTheFraction() {
            Instant rotatedAt = retiredAt.plusMillis(820);
            token.retire(rotatedAt.truncatedTo(ChronoUnit.SECONDS), successor.tokenHash(), "sealed");
            Instant retry = rotatedAt.plus(GRACE).minusMillis(390);
            assertEquals(Because.RETIRED_AFTER_GRACE, RefreshDecision.decide(token, session, user, retry, POLICY,
                    Duration.ZERO, successorIs(Optional.of(successor))).because(), "what happened before");
            assertEquals(Because.GRACE_RETRY, RefreshDecision.decide(token, session, user, retry, POLICY,
                    Duration.ofSeconds(1), successorIs(Optional.of(successor))).because());
            assertEquals(Because.RETIRED_AFTER_GRACE, decideAllowingASecond(rotatedAt.plus(GRACE).plusSeconds(1)));
        }

        private Because decideAllowingASecond(Instant now) {
            return RefreshDecision.decide(token, session, user, now, POLICY, Duration.ofSeconds(1),
                    successorIs(Optional.of(successor))).because();
        }

        @Test
        void afterTheWindowIsReuse() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            assertEquals(Because.RETIRED_AFTER_GRACE, decide(retiredAt.plus(Duration.ofMinutes(10))).because());
        }

        @Test
        void withoutAGraceWindowIsReuseAtOnce() {
            RefreshPolicy noGrace = new RefreshPolicy(IDLE, ABSOLUTE, Duration.ZERO);
            token.retire(retiredAt, successor.tokenHash(), null);
            RefreshOutcome outcome = RefreshDecision.decide(token, session, user, retiredAt, noGrace, Duration.ZERO, NO_LOOKUP);
            assertEquals(Because.RETIRED_AFTER_GRACE, outcome.because());
            assertTrue(outcome.revokesSession());
        }

        /** An ancestor: its successor was rotated in turn, so this is not a retry of the latest refresh. */
        @Test
        void whoseSuccessorWasUsedIsReuseEvenWithinTheWindow() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            successor.retire(retiredAt.plusSeconds(1), hash('d'), "sealed too");
            RefreshOutcome outcome = RefreshDecision.decide(token, session, user, retiredAt.plusSeconds(2), POLICY, Duration.ZERO,
                    successorIs(Optional.of(successor)));
            assertEquals(Because.SUCCESSOR_USED, outcome.because());
            assertTrue(outcome.revokesSession());
        }

        @Test
        void whoseSuccessorRowIsGoneIsReuse() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            RefreshOutcome outcome = RefreshDecision.decide(token, session, user, retiredAt.plusSeconds(1), POLICY, Duration.ZERO,
                    successorIs(Optional.empty()));
            assertEquals(Because.SUCCESSOR_MISSING, outcome.because());
            assertTrue(outcome.revokesSession());
        }

        /** Retired while the window was off, or the sealed copy was erased: there is nothing to hand back. */
        @Test
        void withoutASealedSuccessorIsReuseEvenWithinTheWindow() {
            token.retire(retiredAt, successor.tokenHash(), null);
            RefreshOutcome outcome = RefreshDecision.decide(token, session, user, retiredAt.plusSeconds(1), POLICY, Duration.ZERO,
                    successorIs(Optional.of(successor)));
            assertEquals(Because.SUCCESSOR_NOT_SEALED, outcome.because());
            assertTrue(outcome.revokesSession());
            assertEquals(List.of(successor.tokenHash()), lookedUp, "the successor is locked first, as before");
        }

        /** Only a live token's own expiry is checked: a retired one is a retry or reuse, whatever its age. */
        @Test
        void thatHasExpiredSinceIsStillARetryWithinTheWindow() {
            Instant retiredJustBeforeExpiry = token.expiresAt().minusSeconds(1);
            token.retire(retiredJustBeforeExpiry, successor.tokenHash(), "sealed");
            assertEquals(Because.GRACE_RETRY, RefreshDecision.decide(token, session, user,
                    token.expiresAt().plusSeconds(1), POLICY, Duration.ZERO, successorIs(Optional.of(successor))).because());
        }

        @Test
        void thatHasExpiredSinceIsReuseAfterTheWindowNotMerelyInvalid() {
            token.retire(retiredAt, successor.tokenHash(), "sealed");
            RefreshOutcome outcome = decide(token.expiresAt().plusSeconds(1));
            assertEquals(Because.RETIRED_AFTER_GRACE, outcome.because());
            assertTrue(outcome.revokesSession());
        }
    }

    @Nested
    class TheOutcome {

        @Test
        void onlyAGraceRetryCarriesASuccessor() {
            assertThrows(IllegalArgumentException.class, () -> new RefreshOutcome(Because.GRACE_RETRY, null));
            assertThrows(IllegalArgumentException.class, () -> new RefreshOutcome(Because.LIVE, successor));
        }

        @ParameterizedTest
        @EnumSource(Because.class)
        void onlyReuseDetectedNowRevokesTheSession(Because because) {
            RefreshOutcome outcome = because == Because.GRACE_RETRY ? RefreshOutcome.graceRetry(successor)
                    : RefreshOutcome.of(because);
            boolean detectedNow = because.action() == Action.REJECT_REUSED
                    && because != Because.SESSION_REVOKED_FOR_REUSE;
            assertEquals(detectedNow, outcome.revokesSession());
        }
    }
}
