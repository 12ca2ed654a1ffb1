package floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One JSON answer, so that the training run and the readiness probe exercise JAX-RS, CDI and JSON-B. */
@Path("ping")
@RequestScoped
public class PingResource {

    public record Pong(String status) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Pong ping() {
        return new Pong("ok");
    }
}
