package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The smallest application Payara Micro serves the way it serves Keyturn: JAX-RS, CDI and MicroProfile Health, no
 * persistence and no libraries. bench/startup-jdk.sh starts it beside Keyturn to measure the platform's own start-up
 * and memory (configurations jdk17-floor-cds, jdk25-floor-aot).
 */
@ApplicationPath("/api")
public class FloorApplication extends Application {
}
