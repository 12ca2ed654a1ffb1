package io.keyturn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyturnTokensTest {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int THREADS = 100;

    private final MovableClock clock = new MovableClock();
    private final RotatingEndpoint server = new RotatingEndpoint();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void hundredConcurrentCallersWithAnExpiredTokenCauseOneRefreshAndAllGetItsToken() throws Exception {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        // the refresh is held until every thread has asked, so they all overlap with it
        CountDownLatch asked = new CountDownLatch(THREADS);
        server.beforeRefresh = () -> await(asked);

        List<Future<String>> answers = callConcurrently(() -> {
            asked.countDown();
            return tokens.accessToken();
        });

        for (Future<String> answer : answers) {
            assertEquals("access-2", answer.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, server.refreshes.get());
        assertEquals("refresh-2", tokens.refreshToken());
    }

    @Test
    void refreshesOnlyWhenTheTokenExpiresWithinTheSkew() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).skew(Duration.ofSeconds(30))
                .login("alice", "pw");
        clock.advance(LIFETIME.minusSeconds(31));
        assertEquals("access-1", tokens.accessToken());
        assertEquals(0, server.refreshes.get());

        clock.advance(Duration.ofSeconds(2));
        assertEquals("access-2", tokens.accessToken());
        assertEquals(1, server.refreshes.get());
    }

    @Test
    void aSkewLongerThanHalfTheLifetimeDoesNotRenewOnEveryCall() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).skew(Duration.ofHours(1))
                .login("alice", "pw");
        assertEquals("access-1", tokens.accessToken());
        assertEquals(0, server.refreshes.get());
    }

    @Test
    void anEndedSessionEndsTheSourceOnceTellsTheListenerOnceAndNeverAsksAgain() throws Exception {
        AtomicInteger told = new AtomicInteger();
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock)
                .onSessionEnded(reason -> told.incrementAndGet()).login("alice", "pw");
        server.revoked = true;
        clock.advance(LIFETIME);

        for (Future<String> answer : callConcurrently(tokens::accessToken)) {
            ExecutionExceptionCheck.assertCause(SessionEndedException.class, answer);
        }
        SessionEndedException later = assertThrows(SessionEndedException.class, tokens::accessToken);

        assertEquals("refresh_token_invalid", later.code());
        assertEquals(1, server.refreshes.get(), "requests to the server after the session ended");
        assertEquals(1, told.get());
        assertTrue(tokens.isEnded());
    }

    @Test
    void aFailureWithoutRetryAfterIsTriedOnceMoreAtOnce() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.failuresToCome.set(1);

        assertEquals("access-2", tokens.accessToken());
        assertEquals(2, server.refreshes.get());
    }

    @Test
    void twoFailuresInARowAreThrownToTheCallerAndTheNextCallTriesAgain() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.failuresToCome.set(2);

        KeyturnException failure = assertThrows(KeyturnException.class, tokens::accessToken);
        assertEquals(502, failure.status());
        assertFalse(failure instanceof SessionEndedException);
        assertFalse(tokens.isEnded());
        assertEquals(2, server.refreshes.get(), "one retry inside the failed call");

        assertEquals("access-2", tokens.accessToken());
        assertEquals(3, server.refreshes.get());
    }

    /**
     * The server served the refresh but its answer was lost (a proxy's 502): the retry at once presents the same,
     * now retired, token inside the grace window and gets the same successor. Without it, the next call, whenever it
     * came, presented the retired token, and after the window Keyturn ended the session as reuse.
     */
    @Test
    void aLostAnswerIsFetchedAgainInsideTheGraceWindow() {
        server.graceWindow = true;
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.loseNextAnswer = true;

        assertEquals("access-2", tokens.accessToken());
        assertEquals("refresh-2", tokens.refreshToken());
        assertFalse(server.revoked);
        clock.advance(LIFETIME);
        assertEquals("access-3", tokens.accessToken());
    }

    @Test
    void aRetryAfterHoldsRenewalsBackUntilItHasPassed() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.failuresToCome.set(1);
        server.retryAfter = Duration.ofSeconds(30);

        KeyturnException outage = assertThrows(KeyturnException.class, tokens::accessToken);
        assertEquals(503, outage.status());
        assertEquals(Duration.ofSeconds(30), outage.retryAfter().orElseThrow());
        assertEquals(1, server.refreshes.get(), "no retry against the server's word");

        clock.advance(Duration.ofSeconds(20));
        KeyturnException held = assertThrows(KeyturnException.class, tokens::accessToken);
        assertEquals(Duration.ofSeconds(10), held.retryAfter().orElseThrow());
        assertEquals(1, server.refreshes.get(), "no request while the server asked to wait");

        clock.advance(Duration.ofSeconds(11));
        assertEquals("access-2", tokens.accessToken());
        assertEquals(2, server.refreshes.get());
    }

    @Test
    void aBlankStoredRefreshTokenIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyturnTokens.builder(server).clock(clock).fromRefreshToken(" "));
    }

    @Test
    void invalidatingTheCurrentTokenRenewsOnceEvenWhenManyCallersReportIt() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        String refused = tokens.accessToken();

        tokens.invalidate(refused);
        assertEquals("access-2", tokens.accessToken());
        tokens.invalidate(refused); // a late report about the old token
        assertEquals("access-2", tokens.accessToken());

        assertEquals(1, server.refreshes.get());
    }

    @Test
    void aStoredRefreshTokenIsRefreshedAtTheFirstCall() {
        server.live = "stored";
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).fromRefreshToken("stored");
        assertEquals(0, server.refreshes.get());

        assertEquals("access-1", tokens.accessToken());
        assertEquals(1, server.refreshes.get());
    }

    @Test
    void clientCredentialsRenewWithTheCredentialsAndEndWhenTheClientIsRefused() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).clientCredentials("orders", "secret");
        clock.advance(LIFETIME);
        assertEquals("access-2", tokens.accessToken());
        assertEquals(2, server.clientCredentials.get());

        server.revoked = true;
        clock.advance(LIFETIME);
        SessionEndedException end = assertThrows(SessionEndedException.class, tokens::accessToken);
        assertEquals("invalid_client", end.code());
        assertEquals("invalid_client", assertThrows(SessionEndedException.class, tokens::accessToken).code());
        assertEquals(3, server.clientCredentials.get());
    }

    @Test
    void aListenerThatThrowsDoesNotLeaveTheOtherCallersWaiting() throws Exception {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).onSessionEnded(reason -> {
            throw new IllegalStateException("a broken listener");
        }).login("alice", "pw");
        server.revoked = true;
        clock.advance(LIFETIME);
        CountDownLatch asked = new CountDownLatch(THREADS);
        server.beforeRefresh = () -> await(asked);

        List<Future<String>> answers = callConcurrently(() -> {
            asked.countDown();
            return tokens.accessToken();
        });
        int sessionEnds = 0;
        int toldOfTheListener = 0;
        for (Future<String> answer : answers) {
            try {
                answer.get(30, TimeUnit.SECONDS); // a timeout here is the failure this test is about
            } catch (java.util.concurrent.ExecutionException e) {
                sessionEnds += e.getCause() instanceof SessionEndedException ? 1 : 0;
                toldOfTheListener += e.getCause().getSuppressed().length;
            }
        }
        assertEquals(THREADS, sessionEnds, "the renewing thread too: the listener's exception is only suppressed");
        assertEquals(1, toldOfTheListener, "the listener's exception, on the exception of the thread that ran it");
        SessionEndedException end = assertThrows(SessionEndedException.class, tokens::accessToken);
        assertEquals(0, end.getSuppressed().length);
        assertTrue(tokens.isEnded());
    }

    /**
     * Callers commonly add to what they catch (try-with-resources adds a failed close as suppressed). With one shared
     * exception, every later caller saw what earlier ones added, and the source kept all of it.
     */
    @Test
    void everyCallerGetsItsOwnExceptionForAnEndedSession() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        server.revoked = true;
        clock.advance(LIFETIME);

        SessionEndedException first = assertThrows(SessionEndedException.class, tokens::accessToken);
        first.addSuppressed(new IllegalStateException("the caller's own close() failed"));
        SessionEndedException second = assertThrows(SessionEndedException.class, tokens::accessToken);

        assertNotSame(first, second);
        assertEquals(0, second.getSuppressed().length);
        assertEquals("refresh_token_invalid", second.code());
        assertEquals(401, second.status());
        assertSame(first.getCause(), second.getCause(), "both caused by the renewal's refusal");
        assertEquals(1, server.refreshes.get());
    }

    /** A Retry-After past the end of Instant's range made the bookkeeping throw and left every caller waiting. */
    @Test
    void aRetryAfterBeyondTheEndOfTimeAnswersEveryCallerAndHoldsRenewalsBack() throws Exception {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.failuresToCome.set(1);
        server.retryAfter = Duration.ofSeconds(Long.MAX_VALUE);
        CountDownLatch asked = new CountDownLatch(THREADS);
        server.beforeRefresh = () -> await(asked);

        for (Future<String> answer : callConcurrently(() -> {
            asked.countDown();
            return tokens.accessToken();
        })) {
            ExecutionExceptionCheck.assertCause(KeyturnException.class, answer);
        }
        KeyturnException held = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(KeyturnException.class, tokens::accessToken));

        assertTrue(held.retryAfter().orElseThrow().toDays() > 365 * 1_000_000L, held::getMessage);
        assertEquals(1, server.refreshes.get(), "no request while the server asked to wait");
        assertFalse(tokens.isEnded());
    }

    /**
     * A bearer filter on the token endpoint's own client asks the source for a token while the source renews it; the
     * renewing thread would wait for itself forever.
     */
    @Test
    void aTokenAskedForFromInsideItsOwnRenewalIsAnErrorNotAHang() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.beforeRefresh = () -> tokens.accessToken();

        IllegalStateException misuse = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, tokens::accessToken));
        assertTrue(misuse.getMessage().contains("BearerTokenFilter"), misuse::getMessage);
        assertEquals(1, server.refreshes.get(), "a programming error is not tried again");

        server.beforeRefresh = () -> { };
        assertEquals("access-2", tokens.accessToken());
    }

    private List<Future<String>> callConcurrently(java.util.concurrent.Callable<String> call) {
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            answers.add(pool.submit(call));
        }
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not every thread asked for a token");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Behaves like Keyturn with the grace window off: each refresh token works once, and presenting a retired one
     * fails as reuse, so a second concurrent refresh would also show up as a failure, not only in the count.
     */
    static final class RotatingEndpoint implements TokenEndpoint {

        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicInteger clientCredentials = new AtomicInteger();
        final AtomicInteger failuresToCome = new AtomicInteger();
        private final AtomicInteger issued = new AtomicInteger();
        volatile Runnable beforeRefresh = () -> { };
        volatile boolean revoked;
        volatile String live;
        /** The Retry-After of the failures to come; without it they are a proxy's 502. */
        volatile Duration retryAfter;
        /** Serve the next refresh, then fail as if its answer was lost on the way. */
        volatile boolean loseNextAnswer;
        /** Keyturn's grace window: the just-retired token gets its successor again. */
        volatile boolean graceWindow;
        private String retired;
        private Issued successor;

        @Override
        public synchronized Issued login(String username, String password) {
            return next();
        }

        @Override
        public Issued refresh(String refreshToken) {
            refreshes.incrementAndGet();
            beforeRefresh.run();
            synchronized (this) {
                if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw retryAfter == null ? new KeyturnException("a proxy answered 502", 502, null, null)
                            : new KeyturnException("Keyturn answered 503", 503, "service_unavailable", retryAfter,
                                    null);
                }
                if (revoked) {
                    throw new SessionEndedException("Keyturn answered 401", 401, "refresh_token_invalid");
                }
                if (graceWindow && refreshToken.equals(retired)) {
                    return successor;
                }
                if (!refreshToken.equals(live)) {
                    revoked = true;
                    throw new SessionEndedException("Keyturn answered 401", 401, "refresh_token_reused");
                }
                retired = refreshToken;
                successor = next();
                if (loseNextAnswer) {
                    loseNextAnswer = false;
                    throw new KeyturnException("a proxy answered 502", 502, null, null);
                }
                return successor;
            }
        }

        @Override
        public synchronized Issued clientCredentials(String clientId, String clientSecret) {
            clientCredentials.incrementAndGet();
            if (revoked) {
                throw new SessionEndedException("Keyturn answered 401", 401, "invalid_client");
            }
            Issued answer = next();
            return new Issued(answer.accessToken(), answer.lifetime(), null);
        }

        private Issued next() {
            int n = issued.incrementAndGet();
            live = "refresh-" + n;
            return new Issued("access-" + n, LIFETIME, live);
        }
    }
}
