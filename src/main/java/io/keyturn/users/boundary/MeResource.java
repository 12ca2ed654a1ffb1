package io.keyturn.users.boundary;

import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import io.keyturn.callers.control.CurrentCaller;
import io.keyturn.callers.entity.BearerPrincipal;
import io.keyturn.users.control.UserRepository;
import io.keyturn.users.entity.Role;
import io.keyturn.users.entity.User;
import io.keyturn.users.entity.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller as the access token describes it. The email comes from the token when it carries one
 * ({@code keyturn.access-token.email-claim=true}); by default it does not, and it is read from the database.
 */
@Path("me")
@Stateless
// transactions begin at the controls, whose lost write conflicts are run again (database.RetriedOnConflict)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    CurrentCaller caller;

    @Inject
    UserRepository users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.USER)
    @Operation(summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(schema = @Schema(ref = "User")))
    @APIResponse(responseCode = "403", description = "The caller lacks role user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public UserView me() {
        BearerPrincipal me = caller.principal();
        String email = me.email() != null ? me.email()
                : users.byId(me.userId()).map(User::email).orElseThrow(() -> new ProblemException(ProblemType.USER_NOT_FOUND, "The account of this access token is gone"));
        return new UserView(me.userId(), me.getName(), email, new java.util.TreeSet<>(me.roles()));
    }
}
