package io.keyturn.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test is the one `./mvnw package` built, unchanged: what runs in production is what is tested. */
public final class Deployments {

    /**
     * The {@code keyturn.issuer} of the deployed Keyturn: its default, since the builds do not set it (so the tests
     * check the default), unless the environment names one.
     */
    public static final String ISSUER = System.getenv().getOrDefault("KEYTURN_ISSUER", "http://localhost:8080");

    private Deployments() {
    }

    public static WebArchive keyturn() {
        File war = new File(System.getProperty("keyturn.war", "target/keyturn.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests through `./mvnw verify`");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
