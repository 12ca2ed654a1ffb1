package io.keyturn.users.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.problems.entity.Problem;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.callers.entity.BearerPrincipal;
import io.keyturn.users.control.PasswordChange;
import io.keyturn.users.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/password")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
public class PasswordResource {

    @Inject
    CurrentCaller caller;

    @Inject
    PasswordChange passwordChange;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "415", description = "unsupported_media_type: the body must be application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @RolesAllowed(Role.USER)
    @Operation(summary = "Change the caller's password; every other session of the caller is revoked")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid fields or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "invalid_credentials: the current password is wrong (no "
            + "WWW-Authenticate); or no valid access token (WWW-Authenticate: Bearer, as for every bearer endpoint)",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "account_disabled: a disabled account changes nothing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "too_many_attempts: wrong current passwords count against "
            + "the account's and the address's login throttle; Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response change(@Valid @NotNull(message = "a JSON body is required") PasswordChangeRequest body) {
        BearerPrincipal me = caller.principal();
        passwordChange.change(me.userId(), me.sessionId(), body.currentPassword, body.newPassword,
                clients.addressOf(request));
        return Response.noContent().build();
    }
}
