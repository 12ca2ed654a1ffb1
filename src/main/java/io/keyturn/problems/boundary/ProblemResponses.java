package io.keyturn.problems.boundary;

import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemException;
import jakarta.ws.rs.core.Response;

/** A problem detail as a JAX-RS answer: its status, {@code application/problem+json}, and the refusal's headers. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response.ResponseBuilder of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    public static Response of(ProblemException refused) {
        Response.ResponseBuilder response = of(refused.problem());
        refused.headers().forEach(response::header);
        return response.build();
    }
}
