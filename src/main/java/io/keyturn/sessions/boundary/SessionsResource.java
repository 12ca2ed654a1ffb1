package io.keyturn.sessions.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.callers.entity.BearerPrincipal;
import io.keyturn.sessions.control.Sessions;
import io.keyturn.sessions.entity.RevokeReason;
import io.keyturn.sessions.entity.SessionView;
import io.keyturn.users.control.SelfService;
import io.keyturn.users.entity.Role;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own sessions, one per device. */
@Path("auth/sessions")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Role.USER)
@Tag(name = "sessions")
@SecurityRequirement(name = "bearer")
public class SessionsResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Sessions sessions;

    @Inject
    SelfService selfService;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's active sessions, most recently used first; current marks this one")
    @APIResponse(responseCode = "200", description = "The sessions", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = SessionView.class)))
    public List<SessionView> mine() {
        BearerPrincipal me = caller.principal();
        return sessions.viewsOf(me.userId(), me.sessionId());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeOwnSession", summary = "Revoke one of the caller's sessions (log out that device)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "account_disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such session of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response revoke(@PathParam("id") String id) {
        BearerPrincipal me = caller.principal();
        String client = clients.addressOf(request);
        selfService.writableAccount(me.userId(), "session_revoke", client);
        if (!sessions.revoke(id, Optional.of(me.userId()), RevokeReason.USER_REVOKED, me.userId(), client)) {
            throw noSuchSession();
        }
        return Response.noContent().build();
    }

    public static ProblemException noSuchSession() {
        return new ProblemException(ProblemType.SESSION_NOT_FOUND);
    }
}
