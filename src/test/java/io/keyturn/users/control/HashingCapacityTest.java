package io.keyturn.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.users.entity.Argon2Settings;
import io.keyturn.users.entity.HashingLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heap budget of Argon2 computations in flight: the bound, the wait in turn, the 503 when no room comes. */
class HashingCapacityTest {

    private static final int ONE_MIB = 1024;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    /** Starts a computation of {@code kib} that holds its share of the budget until {@link #release}. */
    private Future<Boolean> holding(HashingCapacity capacity, int kib) {
        return threads.submit(() -> capacity.run(kib, () -> {
            awaitRelease();
            return true;
        }));
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitFree(HashingCapacity capacity, int kib) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (capacity.freeKib() != kib) {
            assertTrue(System.nanoTime() < deadline, "free KiB stayed " + capacity.freeKib() + ", not " + kib);
            Thread.sleep(5);
        }
    }

    @Test
    void neverMoreRunAtOnceThanTheBudgetHolds() throws Exception {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(2, 10, 100));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(threads.submit(() -> capacity.run(ONE_MIB, () -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(20);
                return inFlight.getAndDecrement();
            })));
        }
        for (Future<Integer> computation : done) {
            computation.get(30, TimeUnit.SECONDS);
        }
        assertTrue(most.get() <= 2, "at most two computations of 1 MiB in a 2 MiB budget, not " + most.get());
        assertEquals(2 * ONE_MIB, capacity.freeKib(), "every computation gave its share back");
    }

    @Test
    void aCheckWaitsUntilRoomIsGivenBack() throws Exception {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(1, 10, 100));
        Future<Boolean> holder = holding(capacity, ONE_MIB);
        awaitFree(capacity, 0);
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                () -> capacity.run(ONE_MIB / 2, () -> ran.getAndSet(true)), threads);
        Thread.sleep(300);
        assertFalse(ran.get(), "it ran while the budget was taken");
        release.countDown();
        assertTrue(holder.get(10, TimeUnit.SECONDS));
        assertFalse(waiting.get(10, TimeUnit.SECONDS), "it ran once, after the holder");
        assertTrue(ran.get());
    }

    @Test
    void aCheckThatFindsNoRoomWithinTheWaitIsRefused503WithRetryAfterAndDoesNotRun() throws Exception {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(1, 0, 100));
        holding(capacity, ONE_MIB);
        awaitFree(capacity, 0);
        AtomicBoolean ran = new AtomicBoolean();
        ProblemException refused = assertThrows(ProblemException.class, () -> capacity.run(1, () -> ran.getAndSet(true)));
        assertTrue(refused.is(ProblemType.SERVICE_UNAVAILABLE));
        assertEquals("2", refused.headers().get("Retry-After"));
        assertEquals("Too many password checks are running at once; retry in a few seconds",
                refused.problem().detail());
        assertFalse(ran.get());
        assertEquals(0, capacity.freeKib(), "a refused check takes nothing from the budget");
    }

    /**
     * A flood must not hold every request thread: with as many checks waiting as allowed, one more is refused at
     * once, not after the wait (a minute here), and the ones already waiting keep their turn.
     */
    @Test
    void aCheckBeyondTheWaitingLimitIsRefusedAtOnce() throws Exception {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(1, 60, 1));
        Future<Boolean> holder = holding(capacity, ONE_MIB);
        awaitFree(capacity, 0);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> capacity.run(ONE_MIB, () -> true),
                threads);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (capacity.waiting() < 1) {
            assertTrue(System.nanoTime() < deadline, "the first check never queued");
            Thread.sleep(5);
        }
        Future<Boolean> beyond = threads.submit(() -> capacity.run(1, () -> true));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> beyond.get(30, TimeUnit.SECONDS),
                "refused well before its 60 s wait");
        assertTrue(refused.getCause() instanceof ProblemException noRoom
                && noRoom.is(ProblemType.SERVICE_UNAVAILABLE), String.valueOf(refused.getCause()));
        assertFalse(waiting.isDone(), "the check already waiting keeps waiting");
        release.countDown();
        assertTrue(holder.get(10, TimeUnit.SECONDS));
        assertTrue(waiting.get(10, TimeUnit.SECONDS), "and runs once the holder is done");
    }

    /** A stored hash made with more memory than the budget: it runs, alone. */
    @Test
    void aCostAboveTheWholeBudgetRunsAlone() throws Exception {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(1, 0, 100));
        Future<Boolean> big = holding(capacity, 4 * ONE_MIB);
        awaitFree(capacity, 0);
        assertThrows(ProblemException.class, () -> capacity.run(1, () -> true));
        release.countDown();
        assertTrue(big.get(10, TimeUnit.SECONDS));
        assertEquals(ONE_MIB, capacity.freeKib());
    }

    @Test
    void aFailedComputationGivesItsShareBack() {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(1, 0, 100));
        assertThrows(IllegalStateException.class, () -> capacity.run(ONE_MIB, () -> {
            throw new IllegalStateException("Argon2 failed");
        }));
        assertEquals(ONE_MIB, capacity.freeKib());
    }

    /** Every Argon2 computation of the hasher, a check of a wrong password and a new hash alike, goes through it. */
    @Test
    void thePasswordHasherHashesAndChecksWithinTheBudget() throws Exception {
        HashingCapacity capacity = new HashingCapacity(new HashingLimits(1, 0, 100));
        PasswordHasher hasher = new PasswordHasher(new Argon2Settings(ONE_MIB, 1, 1), capacity);
        String stored = hasher.hash("correct horse battery staple");
        assertEquals(ONE_MIB, capacity.freeKib());
        holding(capacity, 1);
        awaitFree(capacity, ONE_MIB - 1);
        assertServiceUnavailable(() -> hasher.hash("another password"));
        assertServiceUnavailable(() -> hasher.check("wrong password", stored));
        assertServiceUnavailable(() -> hasher.checkDecoy("wrong password"));
        release.countDown();
        awaitFree(capacity, ONE_MIB);
        assertTrue(hasher.check("correct horse battery staple", stored).matches());
    }

    private static void assertServiceUnavailable(Runnable computation) {
        ProblemException refused = assertThrows(ProblemException.class, computation::run);
        assertTrue(refused.is(ProblemType.SERVICE_UNAVAILABLE), refused.problem().code());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
