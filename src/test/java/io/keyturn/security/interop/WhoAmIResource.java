package io.keyturn.security.interop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /api/whoami}: the caller MP-JWT authenticated, and whether its groups made it an admin. */
@Path("whoami")
@RequestScoped
public class WhoAmIResource {

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoAmI() {
        return Json.createObjectBuilder()
                .add("name", security.getUserPrincipal().getName())
                .add("user", security.isUserInRole("user"))
                .add("admin", security.isUserInRole("admin"))
                .build();
    }
}
