package io.keyturn.problems.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer. {@code code} is the stable, machine-readable
 * name clients branch on ({@link ProblemType}); {@code errors} lists the invalid fields of a validation failure.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, served as application/problem+json",
        requiredProperties = {"type", "title", "status", "code"})
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:keyturn:problem:";

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type) {
        return of(type, type.defaultDetail());
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(TYPE_PREFIX + type.code(), type.title(), type.status(), detail, type.code(), null);
    }

    /** A bare HTTP refusal (the container's or the JAX-RS runtime's) with no more specific type known. */
    public static Problem ofStatus(int status, String detail) {
        return ProblemType.forStatus(status).map(type -> of(type, detail)).orElseGet(() -> new Problem(
                TYPE_PREFIX + "http_" + status, ReasonPhrases.of(status), status, detail, "http_" + status, null));
    }

    public static Problem invalidFields(List<FieldError> errors) {
        ProblemType type = ProblemType.VALIDATION_FAILED;
        return new Problem(TYPE_PREFIX + type.code(), type.title(), type.status(), type.defaultDetail(),
                type.code(), errors);
    }
}
