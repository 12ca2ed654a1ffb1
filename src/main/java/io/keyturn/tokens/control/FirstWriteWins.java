package io.keyturn.tokens.control;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Creates a value all instances must share (a signing key, a sealing key) exactly once: every instance that finds it
 * missing tries to insert its own candidate under a unique key, in a transaction of its own; the first insert wins,
 * the others fail on the key, and everyone then reads the value again, the winner's.
 */
final class FirstWriteWins {

    private static final Logger LOG = Logger.getLogger(FirstWriteWins.class.getName());

    private FirstWriteWins() {
    }

    /**
     * Runs {@code insert} (a {@code REQUIRES_NEW} store method, so a lost race fails only itself) and returns what
     * {@code read} finds afterwards, in a transaction that sees the winner's commit.
     */
    static <T> T insertThenRead(String what, Runnable insert, Supplier<Optional<T>> read) {
        RuntimeException insertFailure = null;
        try {
            insert.run();
        } catch (RuntimeException lostRace) {
            insertFailure = lostRace;
            LOG.info(() -> "Another instance stored " + what + " first; using that one");
        }
        RuntimeException cause = insertFailure;
        // when nothing can be read either, the insert did not lose a race: its failure is the one to report
        return read.get().orElseThrow(() -> new IllegalStateException(what + " could be neither stored nor read",
                cause));
    }
}
