package io.keyturn.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the test JVM the one process that writes the integration tests' H2 file: it opens the file first, through
 * the very URL the servers use ({@code AUTO_SERVER=TRUE}), and keeps it open until the run ends, so every Payara
 * Micro, second instance and WildFly reaches the database over the TCP server H2 starts in this JVM (registered in
 * META-INF/services; nothing happens when the run's database is not an H2 one).
 * <p>
 * Why: otherwise the first server to start opens the file and serves it to the others, and servers (second
 * instances, or the shared one when a class needs a fresh server) are stopped (SIGTERM) while they do. H2 2.2.224
 * can leave the file corrupted when the process hosting its server goes down that way (h2database#3415, #4083): a
 * JDK 25 pass once found "File corrupted while reading record" when the next class's server opened it, and every
 * later class of that pass failed to deploy. This JVM ends only after its last test and closes the file cleanly.
 */
public final class H2FileOwner implements LauncherSessionListener {

    private Connection holding;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getProperty("keyturn.it.db.url");
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return;
        }
        try {
            holding = TestDatabase.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("The integration tests' H2 database did not open: " + url, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (holding != null) {
            try {
                holding.close(); // the last connection of this JVM: H2 closes the file
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
