package io.keyturn.oauth.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.oauth.control.ClientRegistry;
import io.keyturn.oauth.entity.ClientView;
import io.keyturn.oauth.entity.NewClientSecret;
import io.keyturn.oauth.entity.RegisteredClient;
import io.keyturn.problems.entity.Problem;
import io.keyturn.users.entity.Role;
import io.keyturn.users.boundary.RequiresEnabledAdministrator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The administrators' registry of OAuth clients (contract v2, "Client registry"). */
@Path("admin/clients")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Role.ADMIN)
@RequiresEnabledAdministrator
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminClientsResource {

    @Inject
    ClientRegistry registry;

    @Inject
    CurrentCaller caller;

    @Inject
    ClientAddresses clients;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "415", description = "unsupported_media_type: the body must be application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Operation(operationId = "registerClient", summary = "Register an OAuth client",
            description = "A confidential client gets a secret (256 random bits, base64url), shown in this response "
                    + "only and stored as its SHA-256.")
    @APIResponse(responseCode = "201", description = "Registered; clientSecret is present for a confidential client",
            content = @Content(schema = @Schema(ref = "RegisteredClient")))
    @APIResponse(responseCode = "400", description = "Invalid clientId or roles, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "The caller lacks role admin, or account_disabled: the "
            + "administrator's account is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "client_exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response register(@Valid @NotNull(message = "a JSON body is required") NewClientRequest body) {
        Set<String> roles = body.roles == null ? Set.of() : new LinkedHashSet<>(body.roles);
        RegisteredClient registered = registry.register(body.clientId, Boolean.TRUE.equals(body.confidential), roles,
                caller.principal().userId(), clients.addressOf(request));
        return Response.status(Response.Status.CREATED).entity(registered).build(); // no-store: NoStoreResponseFilter
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every registered client, oldest first; never a secret")
    @APIResponse(responseCode = "200", description = "The clients",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ClientView.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks role admin, or account_disabled: the "
            + "administrator's account is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<ClientView> list() {
        return registry.all().stream().map(ClientView::of).toList();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("{clientId}/secret")
    @Operation(summary = "Give a confidential client a new secret; the old one stops working at once")
    @APIResponse(responseCode = "201", description = "The new secret, shown in this response only",
            content = @Content(schema = @Schema(ref = "NewClientSecret")))
    @APIResponse(responseCode = "400", description = "A public client has no secret",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "client_not_found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response newSecret(@PathParam("clientId") String clientId) {
        NewClientSecret secret = registry.newSecret(clientId, caller.principal().userId(), clients.addressOf(request));
        return Response.status(Response.Status.CREATED).entity(secret).build();
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Delete a client; every session it opened is revoked")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "client_not_found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("clientId") String clientId) {
        registry.delete(clientId, caller.principal().userId(), clients.addressOf(request));
        return Response.noContent().build();
    }
}
