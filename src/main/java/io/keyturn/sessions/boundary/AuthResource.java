package io.keyturn.sessions.boundary;

import io.keyturn.problems.entity.Problem;
import io.keyturn.sessions.entity.TokenResponse;
import io.keyturn.users.control.Authenticator;
import io.keyturn.users.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login and the refresh-token endpoints under {@code /api/auth}. */
@Path("auth")
@RequestScoped
@Tag(name = "auth")
public class AuthResource {

    @Inject
    Authenticator authenticator;

    @Inject
    TokenDelivery delivery;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with username (or email) and password; opens a session")
    @APIResponse(responseCode = "200", description = "Logged in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "invalid_credentials: unknown user or wrong password, alike",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "account_disabled (only after a correct password)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response login(@Valid @NotNull(message = "a JSON body is required") LoginRequest body) {
        User user = authenticator.authenticate(body.username, body.password);
        return delivery.loggedIn(user, Response.ok());
    }
}
