package io.keyturn.bench;

import io.keyturn.users.entity.UserView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;

/**
 * BENCH ONLY, never part of the product WAR: bench/bearer.sh merges this class into a copy of target/keyturn.war.
 * The unauthenticated twin of {@code GET /api/me} (users.boundary.MeResource): the same JAX-RS application, a
 * {@code @Stateless} EJB like MeResource, the same {@link UserView} with values of the same length as the bench
 * user's (a 36-character id, "benchuser", "benchuser@example.com", ["user"]), so the JSON is byte for byte as long.
 * What it leaves out is exactly the bearer work: token verification, the caller principal and the role check.
 */
@Path("bench/me-twin")
@Stateless
public class MeTwinResource {

    static final String ID = "00000000-0000-4000-8000-000000000000";
    static final String USERNAME = "benchuser";
    static final String EMAIL = "benchuser@example.com";
    static final Set<String> ROLES = Set.of("user");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public UserView me() {
        return new UserView(ID, USERNAME, EMAIL, new TreeSet<>(ROLES));
    }
}
