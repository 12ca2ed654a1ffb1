package io.keyturn.bench.mpjwt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/me} as Keyturn answers it ({id, username, email, roles}), built from the token MP-JWT verified:
 * a {@code @Stateless} EJB with {@code @RolesAllowed("user")}, like Keyturn's MeResource.
 */
@Path("me")
@Stateless
public class MeResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("user")
    public UserView me() {
        return new UserView(jwt.getSubject(), jwt.getName(), jwt.getClaim("email"), new TreeSet<>(jwt.getGroups()));
    }

    @JsonbPropertyOrder({"id", "username", "email", "roles"})
    public record UserView(String id, String username, String email, Set<String> roles) {
    }
}
