package io.keyturn.sessions.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.problems.entity.Problem;
import io.keyturn.sessions.control.Sessions;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.users.entity.Role;
import io.keyturn.users.boundary.RequiresEnabledAdministrator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin/sessions")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Role.ADMIN)
@RequiresEnabledAdministrator
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminSessionsResource {

    @Inject
    Sessions sessions;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @Inject
    CurrentCaller caller;

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeAnySession",
            summary = "Revoke one device's session; the user's other sessions keep working")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response revoke(@PathParam("id") String id) {
        if (!sessions.revoke(id, Optional.empty(), RevokeReason.ADMIN_REVOKED, caller.principal().userId(),
                clients.addressOf(request))) {
            throw SessionsResource.noSuchSession();
        }
        return Response.noContent().build();
    }
}
