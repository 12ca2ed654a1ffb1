package io.keyturn.testing;

import java.util.Map;

/**
 * A Keyturn whose {@code keyturn.issuer} is its own address, {@code http://127.0.0.1:<port>}, for the tests of
 * discovery: Nimbus, Spring Security and Spring Boot compare the metadata's {@code issuer} with the issuer they were
 * given, byte for byte, and the Keyturn Arquillian deploys answers at an address that is not its issuer. A Payara
 * Micro ({@link SecondInstance}) on an in-memory database of its own, with the build's bootstrap administrator;
 * started at first use and shared by the test classes of one test JVM (a start costs 15–20 CPU-seconds), stopped when
 * that JVM exits.
 */
public final class OwnIssuerKeyturn {

    private static SecondInstance instance;

    private OwnIssuerKeyturn() {
    }

    public static synchronized SecondInstance get() throws Exception {
        if (instance == null) {
            SecondInstance started = SecondInstance.start(port -> Map.of(
                    "KEYTURN_ISSUER", "http://127.0.0.1:" + port,
                    // its own keys and users: nothing shared with the Arquillian Keyturn and its issuer
                    "KEYTURN_DB_URL", "jdbc:h2:mem:own-issuer;DB_CLOSE_DELAY=-1"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop own-issuer Keyturn"));
            instance = started;
        }
        return instance;
    }

    /** Its issuer, which is also its address. */
    public static String issuer() throws Exception {
        return "http://127.0.0.1:" + get().port();
    }
}
