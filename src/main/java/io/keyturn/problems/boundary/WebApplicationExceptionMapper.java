package io.keyturn.problems.boundary;

import io.keyturn.problems.entity.Problem;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JAX-RS runtime's own refusals (unknown path, wrong method, wrong media type...) as problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status == 400) {
            return MalformedRequestMapper.isMissingBody(exception) ? MalformedRequestMapper.missingBody()
                    : MalformedRequestMapper.malformedBody(); // JAX-RS refuses with 400 only a body it cannot read
        }
        Response.ResponseBuilder response = ProblemResponses.of(Problem.ofStatus(status, detailOf(exception, status)));
        copy(original, HttpHeaders.ALLOW, response);
        copy(original, HttpHeaders.WWW_AUTHENTICATE, response);
        copy(original, HttpHeaders.RETRY_AFTER, response);
        return response.build();
    }

    private static void copy(Response from, String header, Response.ResponseBuilder to) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }

    private static String detailOf(WebApplicationException exception, int status) {
        if (exception instanceof NotSupportedException) {
            return "This endpoint takes a JSON body: send Content-Type: application/json";
        }
        if (exception instanceof NotAllowedException) {
            return "This endpoint does not answer this HTTP method; see the Allow header";
        }
        return switch (status) {
            case 404 -> "There is nothing at this address";
            case 406 -> "This endpoint answers application/json only";
            default -> Response.Status.fromStatusCode(status) == null
                    ? "The request was refused" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }

}
