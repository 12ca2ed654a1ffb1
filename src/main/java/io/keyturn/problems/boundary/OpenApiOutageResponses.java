package io.keyturn.problems.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Adds the outage answer of {@link UnexpectedExceptionMapper} to every operation of the OpenAPI description: any
 * request under {@code /api} may need the database (bearer-protected ones too, e.g. {@code /api/me} reads the email)
 * and is then answered 503 {@code service_unavailable} with {@code Retry-After} when it is unreachable, a write kept
 * losing conflicts or a lock wait timed out. One filter says so once instead of an annotation on each method.
 * <p>
 * The answer itself is the component response {@value #RESPONSE}, declared with annotations on
 * {@code KeyturnApplication}; this filter only refers to it, because the models' setters differ between the
 * MicroProfile OpenAPI versions of Payara (3.1) and WildFly (4.x), while references are the same in both.
 * Registered as {@code mp.openapi.filter} in {@code META-INF/microprofile-config.properties}.
 */
public class OpenApiOutageResponses implements OASFilter {

    public static final String RESPONSE = "ServiceUnavailable";
    static final String STATUS = "503";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                .forEach(OpenApiOutageResponses::addOutageAnswer));
    }

    private static void addOutageAnswer(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse(STATUS)) {
            operation.getResponses().addAPIResponse(STATUS, OASFactory.createAPIResponse().ref(RESPONSE));
        }
    }
}
