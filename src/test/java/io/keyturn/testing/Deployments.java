package io.keyturn.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR under test is the one `./mvnw package` built, unchanged: what runs in production is what is tested. */
public final class Deployments {

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
