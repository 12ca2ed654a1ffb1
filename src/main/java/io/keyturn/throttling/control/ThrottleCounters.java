package io.keyturn.throttling.control;

import io.keyturn.database.KeyturnDatabase;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.throttling.entity.ThrottleCounter;
import io.keyturn.throttling.entity.ThrottlePolicy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The rows of {@code throttle_counters}. Every change goes through a row lock ({@code SELECT ... FOR UPDATE}), so
 * reservations made at the same moment, on any number of instances, are counted one after the other.
 */
@ApplicationScoped
@RetriedOnConflict
public class ThrottleCounters {

    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = KeyturnDatabase.JNDI_NAME)
    DataSource database;

    /**
     * Creates the rows that do not exist yet, in a transaction of its own and before any lock is taken, so the
     * locking transaction always finds its rows. Two instances creating the same row at once is expected: the loser's
     * insert fails on the primary key and is ignored. The insert goes through plain JDBC so that this expected
     * failure is not logged as an error (Hibernate logs every failed statement).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void ensureExist(List<String> subjects, Instant now) {
        for (String subject : subjects) {
            if (em.find(ThrottleCounter.class, subject) == null) {
                insertUnlessPresent(subject, now);
            }
        }
    }

    /**
     * Locks the rows in the order given (callers use one order everywhere, so two reservations never deadlock) and
     * counts one attempt on each, unless one of them refuses: then nothing is counted and the longest wait returned.
     * A row housekeeping deleted since {@link #ensureExist} is simply created again.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Duration reserveAll(List<String> subjects, List<ThrottlePolicy> policies, Instant now) {
        List<ThrottleCounter> locked = subjects.stream().map(subject -> lockedOrNew(subject, now)).toList();
        Duration wait = Duration.ZERO;
        for (int i = 0; i < locked.size(); i++) {
            Duration refusal = locked.get(i).refusal(now, policies.get(i));
            wait = refusal.compareTo(wait) > 0 ? refusal : wait;
        }
        if (wait.isZero()) {
            locked.forEach(ThrottleCounter::reserve);
        }
        return wait;
    }

    private ThrottleCounter lockedOrNew(String subject, Instant now) {
        return lockedIfPresent(subject).orElseGet(() -> {
            ThrottleCounter counter = new ThrottleCounter(subject, now);
            em.persist(counter);
            return counter;
        });
    }

    /** Locks the row if it still exists (housekeeping may have deleted a stale one). */
    public Optional<ThrottleCounter> lockedIfPresent(String subject) {
        return Optional.ofNullable(em.find(ThrottleCounter.class, subject, LockModeType.PESSIMISTIC_WRITE));
    }

    private void insertUnlessPresent(String subject, Instant now) {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO throttle_counters (subject, failures, window_start) VALUES (?, 0, ?)")) {
            insert.setString(1, subject);
            insert.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                throw new PersistenceException("Creating a throttle counter failed", e);
            }
            // another request created the row between our read and our insert: that row is the one we need
        }
    }
}
