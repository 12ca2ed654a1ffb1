package io.keyturn.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * One clock for every time decision; UTC, like the database columns, and in whole microseconds, their precision
 * ({@code DATETIME(6)}): an instant an answer shows right after a write (a client's or a user's {@code createdAt}) is
 * the one every later read of the row shows too.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Duration DATABASE_PRECISION = Duration.of(1, ChronoUnit.MICROS);

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), DATABASE_PRECISION);
    }
}
