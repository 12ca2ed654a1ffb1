package io.keyturn.sessions.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.problems.entity.Problem;
import io.keyturn.sessions.control.SignOut;
import io.keyturn.users.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("auth/logout-all")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Tag(name = "sessions")
@SecurityRequirement(name = "bearer")
public class LogoutAllResource {

    @Inject
    CurrentCaller caller;

    @Inject
    SignOut signOut;

    @Inject
    TokenDelivery delivery;


    @Context
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @POST
    @RolesAllowed(Role.USER)
    @Operation(summary = "Log out everywhere: revoke every session of the caller")
    @APIResponse(responseCode = "204", description = "All sessions revoked; the refresh cookie is cleared",
            headers = @Header(name = HttpHeaders.SET_COOKIE, ref = HttpHeaders.SET_COOKIE))
    @APIResponse(responseCode = "403", description = "account_disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response logoutAll() {
        signOut.everywhere(caller.principal().userId(), clients.addressOf(request));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, delivery.clearedCookie()).build();
    }
}
