package io.keyturn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void aTransientFailureIsThrownToTheCallerAndTheNextCallTriesAgain() {
        KeyturnTokens tokens = KeyturnTokens.builder(server).clock(clock).login("alice", "pw");
        clock.advance(LIFETIME);
        server.failuresToCome.set(1);

        KeyturnException failure = assertThrows(KeyturnException.class, tokens::accessToken);
        assertEquals(503, failure.status());
        assertFalse(failure instanceof SessionEndedException);
        assertFalse(tokens.isEnded());
        assertEquals(1, server.refreshes.get(), "no retry inside the failed call");

        assertEquals("access-2", tokens.accessToken());
        assertEquals(2, server.refreshes.get());
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
        assertSame(end, assertThrows(SessionEndedException.class, tokens::accessToken));
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
        for (Future<String> answer : answers) {
            try {
                answer.get(30, TimeUnit.SECONDS); // a timeout here is the failure this test is about
            } catch (java.util.concurrent.ExecutionException e) {
                sessionEnds += e.getCause() instanceof SessionEndedException ? 1 : 0;
            }
        }
        assertEquals(THREADS - 1, sessionEnds, "all but the renewing thread, which got the listener's exception");
        assertTrue(tokens.isEnded());
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
                    throw new KeyturnException("Keyturn answered 503", 503, null, null);
                }
                if (revoked) {
                    throw new SessionEndedException("Keyturn answered 401", 401, "refresh_token_invalid");
                }
                if (!refreshToken.equals(live)) {
                    revoked = true;
                    throw new SessionEndedException("Keyturn answered 401", 401, "refresh_token_reused");
                }
                return next();
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
