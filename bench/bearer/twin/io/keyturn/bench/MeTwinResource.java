package io.keyturn.bench;

import io.keyturn.users.control.UserRepository;
import io.keyturn.users.entity.User;
import io.keyturn.users.entity.UserView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;

/**
 * BENCH ONLY, never part of the product WAR: bench/bearer.sh merges this class into a copy of target/keyturn.war.
 * The unauthenticated twin of {@code GET /api/me} (users.boundary.MeResource): the same JAX-RS application, a
 * {@code @Stateless} EJB like MeResource with the same transaction attribute, the same read of the user by primary
 * key (MeResource reads the email, which access tokens do not carry), the same {@link UserView} of the bench user,
 * so the JSON is byte for byte the same. What it leaves out is exactly the bearer work: token verification, the
 * caller principal and the role check. The bench user's id is looked up once, by username.
 */
@Path("bench/me-twin")
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeTwinResource {

    static final String USERNAME = "benchuser";
    static final Set<String> ROLES = Set.of("user");
    private static volatile String benchUserId;

    @Inject
    UserRepository users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    public UserView me() {
        String id = benchUserId;
        if (id == null) {
            id = users.byUsername(USERNAME).map(User::id).orElseThrow();
            benchUserId = id;
        }
        String email = users.byId(id).map(User::email).orElseThrow();
        return new UserView(id, USERNAME, email, new TreeSet<>(ROLES));
    }
}
