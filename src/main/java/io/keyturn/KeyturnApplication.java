package io.keyturn;

import io.keyturn.problems.boundary.OpenApiOutageResponses;
import io.keyturn.problems.entity.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JAX-RS application: everything under {@code /api}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Keyturn", version = "1",
        description = "Short-lived JWT access tokens and rotating refresh tokens. Errors are RFC 9457 problem "
                + "details (application/problem+json) with a machine-readable code. Access tokens verify against "
                + "/.well-known/jwks.json."),
        // every operation refers to it (problems.boundary.OpenApiOutageResponses)
        components = @Components(responses = @APIResponse(name = OpenApiOutageResponses.RESPONSE,
                description = "service_unavailable: the database cannot be reached, or a write kept conflicting "
                        + "with other requests, or waited too long for a lock; retry after Retry-After seconds",
                headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                        schema = @Schema(type = SchemaType.INTEGER)),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class KeyturnApplication extends Application {

    /**
     * Jersey (Payara) generates a WADL of every resource, served to anyone at {@code /api/application.wadl} and as
     * the answer to {@code OPTIONS}: a map of the API for an anonymous caller, which Keyturn documents on purpose only
     * in its OpenAPI. Other JAX-RS implementations (RESTEasy on WildFly) ignore the property and have no WADL.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
