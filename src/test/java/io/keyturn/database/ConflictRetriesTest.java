package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetriesTest {

    private final List<Integer> pauses = new ArrayList<>();
    private final ConflictRetries.Pause recordPause = pauses::add;

    private static PersistenceException conflict() {
        return new PersistenceException(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
    }

    @Test
    void aTransactionThatLostIsRunAgainFromTheStartUntilItCommits() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        long retriedBefore = ConflictRetries.retried();
        String result = ConflictRetries.run("test", () -> {
            if (runs.incrementAndGet() < 3) {
                throw conflict();
            }
            return "committed";
        }, recordPause);
        assertEquals("committed", result);
        assertEquals(3, runs.get());
        assertEquals(List.of(1, 2), pauses, "a pause before each new run");
        assertEquals(retriedBefore + 2, ConflictRetries.retried());
    }

    @Test
    void retriesAreBoundedAndTheLastConflictIsThrownAndCounted() {
        AtomicInteger runs = new AtomicInteger();
        PersistenceException last = conflict();
        long exhaustedBefore = ConflictRetries.exhausted();
        PersistenceException thrown = assertThrows(PersistenceException.class,
                () -> ConflictRetries.run("test", () -> {
                    runs.incrementAndGet();
                    throw runs.get() == ConflictRetries.ATTEMPTS ? last : conflict();
                }, recordPause));
        assertSame(last, thrown);
        assertEquals(ConflictRetries.ATTEMPTS, runs.get());
        assertEquals(ConflictRetries.ATTEMPTS - 1, pauses.size());
        assertEquals(exhaustedBefore + 1, ConflictRetries.exhausted());
    }

    @Test
    void aCommitTheContainerReportsWithoutItsCauseIsRetriedThenReportedAsAFailedTransaction() {
        AtomicInteger runs = new AtomicInteger();
        TransactionalException commitFailed = new TransactionalException("exception during commit",
                new RollbackException());
        TransactionFailed thrown = assertThrows(TransactionFailed.class, () -> ConflictRetries.run("Store.add", () -> {
            runs.incrementAndGet();
            throw commitFailed;
        }, recordPause));
        assertSame(commitFailed, thrown.getCause());
        assertEquals(ConflictRetries.ATTEMPTS, runs.get());
        assertEquals("TransactionFailed < TransactionalException < RollbackException", ConflictRetries.causes(thrown));
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("not a conflict");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> ConflictRetries.run("test", () -> {
            runs.incrementAndGet();
            throw bug;
        }, recordPause)));
        assertEquals(1, runs.get());
        assertEquals(List.of(), pauses);
    }

    @Test
    void anOutageIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(PersistenceException.class, () -> ConflictRetries.run("test", () -> {
            runs.incrementAndGet();
            throw new PersistenceException(new SQLException("Communications link failure", "08S01"));
        }, recordPause));
        assertEquals(1, runs.get());
    }

    @Test
    void theRandomPauseStaysShortAndGrowsWithTheAttempt() throws Exception {
        long started = System.nanoTime();
        ConflictRetries.RANDOM_PAUSE.before(1);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(true, millis >= 10 && millis < 1_000, "paused " + millis + " ms");
    }
}
