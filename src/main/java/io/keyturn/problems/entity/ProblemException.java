package io.keyturn.problems.entity;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the client caused and can act on, answered as a problem detail (problems.boundary.ProblemExceptionMapper).
 * Marked as an application exception so EJBs hand it through unwrapped and roll their transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type) {
        this(type, type.defaultDetail());
    }

    public ProblemException(ProblemType type, String detail) {
        super(type.code(), null, false, false); // a refusal, not a fault: no stack trace to collect
        this.problem = Problem.of(type, detail);
    }

    /** A response header that belongs to the refusal, such as Retry-After. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Problem problem() {
        return problem;
    }

    public boolean is(ProblemType type) {
        return type.code().equals(problem().code());
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
