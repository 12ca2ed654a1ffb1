package io.keyturn.users.boundary;

import io.keyturn.callers.control.ClientAddresses;
import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.users.control.UserAdministration;
import io.keyturn.users.control.UserRepository;
import io.keyturn.users.entity.Role;
import io.keyturn.users.entity.User;
import io.keyturn.users.entity.UserAdminView;
import io.keyturn.users.entity.UserPage;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("admin/users")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Role.ADMIN)
@RequiresEnabledAdministrator
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
public class AdminUsersResource {

    @Inject
    UserRepository users;

    @Inject
    UserAdministration administration;

    @Inject
    CurrentCaller caller;

    @Context
    HttpServletRequest request;

    @Inject
    ClientAddresses clients;

    @Inject
    Issuer issuer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A page of users, oldest first")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(schema = @Schema(ref = "UserPage")))
    @APIResponse(responseCode = "400", description = "offset or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "The caller lacks role admin, or account_disabled: the "
            + "administrator's account is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public UserPage page(
            // read as text and checked here, so that a bad value is a 400 problem naming the parameter
            @Parameter(description = "users to skip, default 0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("offset") String offset,
            @Parameter(description = "page size, 1 to 200, default 50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam("limit") String limit) {
        Paging paging = Paging.of(offset, limit);
        return new UserPage(users.page(paging.offset(), paging.limit()).stream().map(UserAdminView::of).toList(),
                paging.offset(), paging.limit(), users.count());
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "415", description = "unsupported_media_type: the body must be application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Operation(summary = "Create a user, also while self-registration is switched off (keyturn.registration.enabled)",
            description = "The same rules as registration apply; roles default to [\"user\"]. No session is opened.")
    @APIResponse(responseCode = "201", description = "Created; Location names the user (under keyturn.issuer)",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(ref = "UserAdmin")))
    @APIResponse(responseCode = "400", description = "Invalid fields (see errors; roles other than user and "
            + "admin among them) or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "The caller lacks role admin, or account_disabled: the "
            + "administrator's account is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "username_taken or email_taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response create(@Valid @NotNull(message = "a JSON body is required") NewUserRequest body) {
        Set<String> roles = body.roles == null ? Set.of(Role.USER) : new LinkedHashSet<>(body.roles);
        User user = administration.create(body.username, body.email, body.password, roles,
                caller.principal().sessionId(), clients.addressOf(request));
        return Response.created(locationOf(issuer, user)).entity(UserAdminView.of(user)).build();
    }

    /** The user's address for {@code Location}: under the configured issuer, never from the request's Host. */
    public static URI locationOf(Issuer issuer, User user) {
        return issuer.resolve("/api/admin/users/" + user.id());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("{id}")
    @Operation(summary = "One user (the Location of a registration)")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(ref = "UserAdmin")))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public UserAdminView user(@PathParam("id") String id) {
        return users.byId(id).map(UserAdminView::of).orElseThrow(AdminUsersResource::noSuchUser);
    }

    @PUT
    @Path("{id}/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "415", description = "unsupported_media_type: the body must be application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Operation(summary = "Enable or disable a user; disabling revokes every session of that user at once")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "400", description = "enabled missing or not a boolean",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response setEnabled(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") EnabledRequest body) {
        administration.setEnabled(id, body.enabled, caller.principal().userId(), clients.addressOf(request))
                .orElseThrow(AdminUsersResource::noSuchUser);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/login-block")
    @Operation(summary = "Lift a user's login block (after too many failed passwords) and forget its failures; "
            + "the counts of the addresses they came from stay")
    @APIResponse(responseCode = "204", description = "Done, also when the user was not blocked")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response unblockLogin(@PathParam("id") String id) {
        administration.unblockLogin(id, caller.principal().userId(), clients.addressOf(request))
                .orElseThrow(AdminUsersResource::noSuchUser);
        return Response.noContent().build();
    }

    public static ProblemException noSuchUser() {
        return new ProblemException(ProblemType.USER_NOT_FOUND);
    }
}
