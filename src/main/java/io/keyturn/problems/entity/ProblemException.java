package io.keyturn.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the client caused and can act on, answered as a problem detail. Marked as an application exception so
 * EJBs hand it through unwrapped and roll their transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(Response.Status status, String code, String detail) {
        super(code, null, false, false); // a refusal, not a fault: no stack trace to collect
        this.problem = Problem.of(status.getStatusCode(), code, detail);
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Problem problem() {
        return problem;
    }

    public Response toResponse() {
        Response.ResponseBuilder response = problem().toResponse();
        headers.forEach(response::header);
        return response.build();
    }
}
