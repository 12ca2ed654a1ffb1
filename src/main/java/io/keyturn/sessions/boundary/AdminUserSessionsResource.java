package io.keyturn.sessions.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.problems.entity.Problem;
import io.keyturn.sessions.control.Sessions;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.SessionView;
import io.keyturn.users.boundary.AdminUsersResource;
import io.keyturn.users.control.UserRepository;
import io.keyturn.users.entity.Role;
import io.keyturn.users.boundary.RequiresEnabledAdministrator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An administrator's view of one user's sessions. Under the user's address ({@code /api/admin/users/{id}}), but
 * sessions are this component's: a JAX-RS root resource with the longer path takes these requests.
 */
@Path("admin/users/{id}/sessions")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Role.ADMIN)
@RequiresEnabledAdministrator
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminUserSessionsResource {

    @Inject
    UserRepository users;

    @Inject
    Sessions sessions;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A user's active sessions")
    @APIResponse(responseCode = "200", description = "The sessions", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<SessionView> sessionsOf(@PathParam("id") String id) {
        users.byId(id).orElseThrow(AdminUsersResource::noSuchUser);
        String mine = caller.principal().sessionId();
        return sessions.viewsOf(id, mine);
    }

    @DELETE
    @Operation(summary = "Revoke every session of a user")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response revokeSessionsOf(@PathParam("id") String id) {
        users.byId(id).orElseThrow(AdminUsersResource::noSuchUser);
        sessions.revokeAllOf(id, RevokeReason.ADMIN_REVOKED, caller.principal().userId(), clients.addressOf(request));
        return Response.noContent().build();
    }
}
