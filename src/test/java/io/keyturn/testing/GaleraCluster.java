package io.keyturn.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A three-node MariaDB Galera cluster on loopback for the Galera run of the integration tests (failsafe execution
 * "galera", {@code -Pgalera}): Debian's {@code mariadbd} with the {@code galera-4} provider, no system service, fresh
 * data directories under {@code target/galera}, started before the first test class when the build sets
 * {@code keyturn.it.galera.base-port}, stopped when the run ends.
 * <p>
 * Node {@code n} (1 to 3) takes four ports from the base: clients {@code base+n}, group communication
 * {@code base+10+n}, incremental state transfer {@code base+20+n}, full state transfer (rsync) {@code base+30+n}.
 * Node 1 founds the cluster ({@code --wsrep-new-cluster}) on a data directory {@code mariadb-install-db} made; nodes 2
 * and 3 join with empty ones and receive node 1's by rsync. As root, the servers run as the {@code mysql} user the
 * package created: rsync's daemon, which receives the copy, would otherwise drop to {@code nobody} and be refused.
 */
public final class GaleraCluster implements LauncherSessionListener {

    public static final int NODES = 3;
    private static final String PROVIDER_PROPERTY = "keyturn.it.galera.provider";
    private static final long START_DEADLINE_MILLIS = 120_000;

    private static int basePort;
    private static Path root;
    private static final List<Process> PROCESSES = new ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String base = System.getProperty("keyturn.it.galera.base-port");
        if (base != null && PROCESSES.isEmpty()) {
            try {
                start(Integer.parseInt(base));
            } catch (Exception e) {
                stopAll();
                throw new IllegalStateException("The Galera cluster did not start; see " + root, e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopAll();
    }

    public static boolean running() {
        return !PROCESSES.isEmpty();
    }

    /** The client port of node {@code node} (1 to 3). */
    public static int port(int node) {
        return basePort + node;
    }

    /**
     * A Connector/J URL naming the nodes in this order: the first is the one connections go to, the others are
     * where Connector/J fails over to ({@code failOverReadOnly=false}: they are primaries too). Every session waits
     * for the cluster's earlier commits before it reads ({@code wsrep_sync_wait=1}), as docs/scaling.md asks.
     */
    public static String url(int... nodes) {
        String hosts = IntStream.of(nodes).mapToObj(node -> "127.0.0.1:" + port(node))
                .collect(Collectors.joining(","));
        return "jdbc:mysql://" + hosts + "/keyturn?createDatabaseIfNotExist=true&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&sslMode=DISABLED&failOverReadOnly=false"
                + "&sessionVariables=wsrep_sync_wait=1";
    }

    /** A connection to one node only, as root, for the tests' own checks. */
    public static Connection connect(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port(node) + "/keyturn?"
                + "createDatabaseIfNotExist=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&sslMode=DISABLED&sessionVariables=wsrep_sync_wait=1", "root", "");
    }

    /** The single number a query answers on one node, e.g. a COUNT(*). */
    public static long number(int node, String sql) throws SQLException {
        try (Connection connection = connect(node); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** SIGKILL: the node vanishes without closing a connection or finishing a commit. */
    public static void kill(int node) throws InterruptedException {
        Process process = PROCESSES.get(node - 1);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public static boolean alive(int node) {
        return PROCESSES.get(node - 1).isAlive();
    }

    private static void start(int base) throws Exception {
        basePort = base;
        root = Path.of(System.getProperty("java.io.tmpdir"), "galera").toAbsolutePath();
        deleteTree(root);
        Files.createDirectories(root);
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            UserPrincipal mysql = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName("mysql");
            Files.setOwner(root, mysql);
        }
        // a test JVM that dies must not leave servers holding the ports
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(Process::destroyForcibly)));
        long started = System.currentTimeMillis();
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dataDir(1), "--skip-test-db",
                "--auth-root-authentication-method=normal", "--innodb-log-file-size=8M",
                "--user=" + (asRoot ? "mysql" : System.getProperty("user.name"))), root.resolve("install.log"));
        PROCESSES.add(launch(1, asRoot, true));
        awaitSynced(1);
        for (int node = 2; node <= NODES; node++) {
            Files.createDirectories(dataDir(node));
            if (asRoot) {
                Files.setOwner(dataDir(node), FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName("mysql"));
            }
            PROCESSES.add(launch(node, asRoot, false));
        }
        for (int node = 2; node <= NODES; node++) {
            awaitSynced(node);
        }
        System.out.println("Galera cluster of " + NODES + " nodes synced on ports " + port(1) + "-" + port(NODES)
                + " in " + (System.currentTimeMillis() - started) + " ms");
    }

    private static Process launch(int node, boolean asRoot, boolean founder) throws IOException {
        String provider = System.getProperty(PROVIDER_PROPERTY, "/usr/lib/galera/libgalera_smm.so");
        String cluster = IntStream.rangeClosed(1, NODES).mapToObj(n -> "127.0.0.1:" + (basePort + 10 + n))
                .collect(Collectors.joining(","));
        List<String> command = new ArrayList<>(List.of("mariadbd", "--no-defaults",
                "--datadir=" + dataDir(node), "--port=" + port(node), "--bind-address=127.0.0.1",
                "--socket=" + root.resolve("n" + node + ".sock"), "--pid-file=" + root.resolve("n" + node + ".pid"),
                "--skip-name-resolve", "--innodb-log-file-size=8M", "--innodb-buffer-pool-size=64M",
                "--character-set-server=utf8mb4",
                // what Galera requires of every node
                "--binlog-format=ROW", "--innodb-autoinc-lock-mode=2", "--default-storage-engine=InnoDB",
                "--wsrep-on=ON", "--wsrep-provider=" + provider, "--wsrep-cluster-name=keyturn-it",
                "--wsrep-cluster-address=gcomm://" + cluster,
                "--wsrep-node-address=127.0.0.1:" + (basePort + 10 + node),
                "--wsrep-node-incoming-address=127.0.0.1:" + port(node),
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + (basePort + 10 + node)
                        + ";ist.recv_addr=127.0.0.1:" + (basePort + 20 + node) + ";gcache.size=64M",
                "--wsrep-sst-method=rsync", "--wsrep-sst-receive-address=127.0.0.1:" + (basePort + 30 + node)));
        if (asRoot) {
            command.add("--user=mysql");
        }
        if (founder) {
            command.add("--wsrep-new-cluster");
        }
        File log = root.resolve("n" + node + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static void awaitSynced(int node) throws Exception {
        long deadline = System.currentTimeMillis() + START_DEADLINE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!PROCESSES.get(node - 1).isAlive()) {
                throw new IllegalStateException("Galera node " + node + " exited; see " + root.resolve("n" + node
                        + ".log"));
            }
            try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port(node)
                    + "/?sslMode=DISABLED&connectTimeout=2000", "root", "");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
                if (rows.next() && "Synced".equals(rows.getString(2))) {
                    return;
                }
            } catch (SQLException notYet) {
                // still starting, or still receiving its state
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Galera node " + node + " was not synced within "
                + START_DEADLINE_MILLIS / 1000 + " s; see " + root.resolve("n" + node + ".log"));
    }

    private static void stopAll() {
        for (Process process : PROCESSES) {
            process.destroy();
        }
        for (Process process : PROCESSES) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        PROCESSES.clear();
    }

    private static Path dataDir(int node) {
        return root.resolve("n" + node);
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
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
