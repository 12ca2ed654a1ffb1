package io.keyturn.problems.boundary;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Adds to the OpenAPI description the answers that many operations under {@code /api} give for the same reason, once
 * here instead of an annotation on each method:
 * <ul>
 * <li>{@value #OUTAGE} to every operation: any request under {@code /api} may need the database (bearer-protected
 * ones too, e.g. {@code /api/me} reads the email) and is answered 503 {@code service_unavailable} with
 * {@code Retry-After} by {@link UnexpectedExceptionMapper} when it is unreachable, a write kept losing conflicts or a
 * lock wait timed out;</li>
 * <li>{@value #UNAUTHORIZED} and {@value #FORBIDDEN} to every operation that requires a bearer token (the
 * authentication mechanism's 401 with its challenge, {@code AccessDeniedMapper}'s 403 for a missing role);</li>
 * <li>{@value #TOO_LARGE} to every operation that reads a JSON body ({@code RequestBodyLimit}).</li>
 * </ul>
 * An operation that documents one of these statuses itself keeps its own. The answers are component responses
 * declared with annotations on {@code KeyturnApplication}; this class only refers to them, because the models'
 * setters differ between the MicroProfile OpenAPI versions of Payara (3.1) and WildFly (4.x), while references are the
 * same in both. Called by the document's filter, {@code io.keyturn.OpenApiDocument}.
 */
public final class OpenApiCommonAnswers {

    public static final String OUTAGE = "ServiceUnavailable";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String TOO_LARGE = "PayloadTooLarge";

    private OpenApiCommonAnswers() {
    }

    public static void addTo(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // the JAX-RS operations; the documents under /.well-known are served from memory
        openAPI.getPaths().getPathItems().entrySet().stream().filter(path -> path.getKey().contains("/api/"))
                .forEach(path -> path.getValue().getOperations().values().forEach(OpenApiCommonAnswers::addAnswers));
    }

    private static void addAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(operation, "401", UNAUTHORIZED);
            add(operation, "403", FORBIDDEN);
        }
        if (readsJson(operation)) {
            add(operation, "413", TOO_LARGE);
        }
        add(operation, "503", OUTAGE);
    }

    private static boolean readsJson(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes() != null
                && operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                        .anyMatch(type -> type.startsWith("application/json"));
    }

    private static void add(Operation operation, String status, String response) {
        Map<String, ?> documented = operation.getResponses().getAPIResponses();
        if (documented == null || !documented.containsKey(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().ref(response));
        }
    }
}
