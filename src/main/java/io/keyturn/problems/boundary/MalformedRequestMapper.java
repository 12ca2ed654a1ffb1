package io.keyturn.problems.boundary;

import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.problems.entity.ProblemType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body JSON-B cannot read (broken JSON, a string where a number belongs...) is the client's mistake: 400.
 * The parser's own message is not echoed; it can name internal types.
 */
@Provider
public class MalformedRequestMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return malformedBody();
    }

    static Response malformedBody() {
        return ProblemResponses.of(Problem.of(ProblemType.MALFORMED_JSON)).build();
    }

    /** The same answer as a {@code @NotNull} body: a validation failure of the field "body". */
    static Response missingBody() {
        return ProblemResponses.of(Problem.invalidFields(List.of(new FieldError("body", "a JSON body is required"))))
                .build();
    }

    static boolean isMissingBody(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoContentException) {
                return true;
            }
        }
        return false;
    }
}
