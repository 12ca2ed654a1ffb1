package io.keyturn.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences the two loggers of the Hibernate inside the WAR that repeat, in the database's own words, failures Keyturn
 * already answers and logs once in its own: {@code SqlExceptionHelper} writes every SQL error at ERROR, with the
 * database's message, which for an expected race names the value (two registrations of one email: "Duplicate entry
 * 'someone@example.com'"), and {@code DefaultLoadEventListener} a stack trace at INFO for every load the database
 * refused (an outage: hundreds of lines per minute). Unexpected failures still reach the log with their whole cause
 * ({@code UnexpectedExceptionMapper}). Hibernate logs through JBoss Logging, which writes to the server's
 * {@code java.util.logging} on Payara and WildFly alike.
 */
@ApplicationScoped
public class QuietHibernateLoggers {

    /** Held here: {@code java.util.logging} keeps loggers only weakly, and a collected one would forget its level. */
    private static final List<Logger> SILENCED = List.of(
            Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper"),
            Logger.getLogger("org.hibernate.event.internal.DefaultLoadEventListener"));

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SILENCED.forEach(logger -> logger.setLevel(Level.OFF));
    }
}
