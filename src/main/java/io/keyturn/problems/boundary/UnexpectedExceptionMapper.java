package io.keyturn.problems.boundary;

import io.keyturn.database.DatabaseUnavailable;
import io.keyturn.database.TransactionFailed;
import io.keyturn.database.WriteConflicts;
import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A database that cannot be reached is a 503 with Retry-After: the client may try again shortly. So is a transaction
 * that kept losing write conflicts after its retries (a cluster node committed the same rows first each time): the
 * same request a moment later finds the rows settled. So is a statement that waited for a lock until the database gave
 * up. Everything else is
 * one of our faults: logged in full with an incident id, answered with that id and nothing else, so no stack trace or
 * internal detail ever reaches a client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private static final String CONFLICT_DETAIL = "Other requests changed the same data at the same moment; retry in a "
            + "second";
    private static final int CONFLICT_RETRY_AFTER_SECONDS = 1;
    private static final String LOCKED_DETAIL = "The data this request needs stayed locked by another transaction "
            + "for too long; retry in a few seconds";

    @Override
    public Response toResponse(Throwable exception) {
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.log(Level.WARNING, "The database is unreachable: {0}", exception.toString());
            return unavailable(Problem.of(ProblemType.SERVICE_UNAVAILABLE), DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        if (WriteConflicts.lockWaitTimedOut(exception)) {
            // before the failed commit: a commit that waited for a lock also fails as a commit;
            // a lock held this long is worth a look (a stuck transaction), but the request itself was fine
            LOG.log(Level.WARNING, "A statement waited for a lock until the database gave up: {0}",
                    exception.toString());
            return unavailable(Problem.of(ProblemType.SERVICE_UNAVAILABLE, LOCKED_DETAIL),
                    DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        if (exception instanceof TransactionFailed || WriteConflicts.causedBy(exception)) {
            LOG.log(Level.WARNING, "A transaction did not commit (write conflicts outlasted the retries, or the commit "
                    + "was not confirmed): {0}", exception.toString());
            return unavailable(Problem.of(ProblemType.SERVICE_UNAVAILABLE, CONFLICT_DETAIL),
                    CONFLICT_RETRY_AFTER_SECONDS);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return ProblemResponses.of(Problem.of(ProblemType.INTERNAL_ERROR,
                ProblemType.INTERNAL_ERROR.defaultDetail() + "; incident " + incident)).build();
    }

    private static Response unavailable(Problem problem, int retryAfterSeconds) {
        return ProblemResponses.of(problem).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
    }
}
