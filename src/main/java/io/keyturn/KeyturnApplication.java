package io.keyturn;

import io.keyturn.problems.boundary.OpenApiCommonAnswers;
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
@OpenAPIDefinition(info = @Info(title = "Keyturn", version = "2",
        description = "Short-lived JWT access tokens and rotating refresh tokens. Errors are RFC 9457 problem "
                + "details (application/problem+json) with a machine-readable code. Access tokens verify against "
                + "/.well-known/jwks.json."),
        // operations refer to them (problems.boundary.OpenApiCommonAnswers)
        components = @Components(responses = {
            @APIResponse(name = OpenApiCommonAnswers.OUTAGE,
                    description = "service_unavailable: the database cannot be reached, or a write kept conflicting "
                            + "with other requests, or waited too long for a lock, or (where a password is hashed) "
                            + "the heap budget for password hashing stayed full (keyturn.password.hashing.*); "
                            + "retry after Retry-After seconds",
                    headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
            @APIResponse(name = OpenApiCommonAnswers.UNAUTHORIZED,
                    description = "No bearer token (unauthorized), or an invalid one (invalid_token)",
                    headers = @Header(name = "WWW-Authenticate", description = "Bearer realm=\"keyturn\", with "
                            + "error=\"invalid_token\" for an invalid token (RFC 6750)",
                            schema = @Schema(type = SchemaType.STRING)),
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
            @APIResponse(name = OpenApiCommonAnswers.FORBIDDEN,
                    description = "forbidden: the token's groups lack the role this operation needs; or, for "
                            + "the self-service writes and every /api/admin operation, account_disabled: the "
                            + "caller's account has been disabled since the token was issued",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
            @APIResponse(name = OpenApiCommonAnswers.TOO_LARGE,
                    description = "payload_too_large: the body is over keyturn.request.max-body-bytes",
                    content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))}))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
@SecurityScheme(securitySchemeName = "client", type = SecuritySchemeType.HTTP,
        scheme = "basic", description = "client_secret_basic (RFC 6749 §2.3.1): client_id and client_secret, each "
                + "form-urlencoded, as the user name and password. client_secret_post sends them in the form instead "
                + "(OpenAPI cannot name that), and a public client sends only client_id")
public class KeyturnApplication extends Application {

    /**
     * Two Jersey (Payara) settings; other JAX-RS implementations (RESTEasy on WildFly) ignore both.
     * <ul>
     * <li>No WADL: Jersey generates one of every resource, served to anyone at {@code /api/application.wadl} and as
     * the answer to {@code OPTIONS}: a map of the API for an anonymous caller, which Keyturn documents on purpose only
     * in its OpenAPI (RESTEasy has no WADL).</li>
     * <li>Jersey's own {@code @RolesAllowed} filter, so a refused call is answered at the resource and never reaches
     * the EJB, whose container would log each refusal as a WARNING with a stack trace. Payara Micro's MicroProfile JWT
     * feature registers such a filter itself, Payara Server 6 does not (every anonymous call to a protected endpoint
     * logged 78 lines); WildFly's counterpart is {@code resteasy.role.based.security} in web.xml.</li>
     * </ul>
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
