package io.keyturn.problems.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer. {@code code} is the stable, machine-readable
 * name clients branch on; {@code errors} lists the invalid fields of a validation failure.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json")
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:keyturn:problem:";

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String detail) {
        return new Problem(TYPE_PREFIX + code, titleOf(status), status, detail, code, null);
    }

    public static Problem invalidFields(List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + "validation_failed", titleOf(400), 400,
                "The request has invalid fields; see errors", "validation_failed", errors);
    }

    /** The code of a bare HTTP refusal (no more specific code known): not_found, method_not_allowed, ... */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    private static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
