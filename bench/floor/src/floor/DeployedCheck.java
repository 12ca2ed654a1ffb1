package floor;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the application is deployed: the start-up benchmark waits for this check by name, so that a health
 * endpoint answering before the deployment has finished is not counted as ready.
 */
@Readiness
@ApplicationScoped
public class DeployedCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("floor-deployed");
    }
}
