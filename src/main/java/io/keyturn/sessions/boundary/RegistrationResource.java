package io.keyturn.sessions.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.database.RetriedOnConflict;
import io.keyturn.problems.entity.Problem;
import io.keyturn.sessions.control.SignIn;
import io.keyturn.sessions.entity.TokenResponse;
import io.keyturn.throttling.control.LoginThrottle;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.users.boundary.AdminUsersResource;
import io.keyturn.users.boundary.RegistrationRequest;
import io.keyturn.users.boundary.RequiresOpenRegistration;
import io.keyturn.users.control.Registration;
import io.keyturn.users.entity.Role;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/register")
@ApplicationScoped
@Tag(name = "auth")
@RetriedOnConflict
public class RegistrationResource {

    @Inject
    Registration registration;

    @Inject
    TokenDelivery delivery;

    @Inject
    SignIn signIn;

    @Inject
    Issuer issuer;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddresses clients;

    @Inject
    HttpServletRequest request;

    @POST
    @RequiresOpenRegistration
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "415", description = "unsupported_media_type: the body must be application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create an account with role user and log it in (opens a session)")
    // in a container: Payara leaves a single @Parameter on a method out of the document
    @Parameters(@Parameter(ref = "TokenMode", name = TokenDelivery.MODE_HEADER, in = ParameterIn.HEADER))
    @APIResponse(responseCode = "201", description = "Registered and logged in; Location names the user "
            + "(under keyturn.issuer, never the Host header)",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                @Header(name = HttpHeaders.SET_COOKIE, ref = HttpHeaders.SET_COOKIE)},
            content = @Content(schema = @Schema(ref = "TokenResponse")))
    @APIResponse(responseCode = "400", description = "Invalid fields (see errors) or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "registration_disabled: keyturn.registration.enabled is false; "
            + "an administrator creates accounts (POST /api/admin/users)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "username_taken or email_taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "too_many_attempts: registrations from this client address "
            + "are throttled (keyturn.throttle.registration.max-per-address per window); Retry-After says when",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response register(@Valid @NotNull(message = "a JSON body is required") RegistrationRequest body) {
        throttle.reserveRegistration(clients.addressOf(request));
        User user = registration.register(body.username, body.email, body.password, Set.of(Role.USER));
        return delivery.deliver(signIn.opened(user, clients.of(request)),
                Response.created(AdminUsersResource.locationOf(issuer, user)), delivery.bodyModeRequested());
    }
}
