package io.keyturn.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second Payara Micro with the same WAR, the same environment (so the same database and settings) and the same
 * options as the one Arquillian manages, for tests about several instances. Hazelcast stays off: the instances
 * share nothing but the database, as in production.
 * <p>
 * {@link #deploy(File, String)} starts another WAR the same way (Hazelcast off, its own free port), e.g. a service
 * that verifies Keyturn's tokens; it is ready when its {@code readyPath} answers with any status below 500 other
 * than 404.
 */
public final class SecondInstance {

    private static final Duration START_DEADLINE = Duration.ofMinutes(4);
    /** What Payara Micro logs when the WAR it was given failed to deploy; it then runs on without it. */
    private static final String DEPLOYMENT_FAILED = "Exception while deploying the app";

    private Process process;
    private final int port;
    private File log;
    private final File war;
    private final String contextRoot;
    private final boolean keyturn;
    private final String readyPath;
    private final java.util.Map<String, String> environment;

    private SecondInstance(int port, File war, String contextRoot, boolean keyturn, String readyPath,
            java.util.Map<String, String> environment) {
        this.port = port;
        this.war = war;
        this.contextRoot = contextRoot;
        this.keyturn = keyturn;
        this.readyPath = readyPath;
        this.environment = environment;
    }

    /** Keyturn's WAR at the context root, with Keyturn's JVM options and preboot commands. */
    public static SecondInstance start() throws Exception {
        return start(java.util.Map.of());
    }

    /** With these environment variables added to (or replacing) the test JVM's, e.g. other Keyturn settings. */
    public static SecondInstance start(java.util.Map<String, String> environment) throws Exception {
        return start(port -> environment);
    }

    /**
     * With environment variables that depend on the port it will listen on, chosen before it starts: e.g. a
     * {@code KEYTURN_ISSUER} naming its own address {@code http://127.0.0.1:<port>}, which OAuth discovery clients
     * insist on (they compare the metadata's issuer with the URL they fetched it from).
     */
    public static SecondInstance start(java.util.function.IntFunction<java.util.Map<String, String>> environmentForPort)
            throws Exception {
        int port = PayaraPort.free();
        SecondInstance instance = new SecondInstance(port, new File(System.getProperty("keyturn.war")), "/",
                true, "/health/ready", environmentForPort.apply(port));
        instance.launch();
        return instance;
    }

    /**
     * Another WAR at the context root {@code /}, in a Payara Micro of its own without Keyturn's options; ready when
     * {@code readyPath} answers (any status but 404 and 5xx).
     */
    public static SecondInstance deploy(File war, String readyPath) throws Exception {
        SecondInstance instance = new SecondInstance(PayaraPort.free(), war, "/", false, readyPath, java.util.Map.of());
        instance.launch();
        return instance;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no graceful close of connections or transactions. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void restart() throws Exception {
        launch();
    }

    /**
     * Starts the process and waits until it is ready. A WAR that failed to deploy fails the test at once, with one
     * exception: a WAR other than Keyturn's (a third-party consumer such as the MP-JWT verifier) gets one more start,
     * because Payara Micro 6.2025.10 on JDK 25 now and then fails to deploy any WAR at boot (a NullPointerException in
     * its security lifecycle: {@code PolicyLoader} finds no context class loader on the main thread; seen once for
     * the MP-JWT verifier in the JDK 25 pass, whose next start deployed it), and Payara then runs on without the WAR.
     */
    private void launch() throws Exception {
        if (startProcess()) {
            return;
        }
        stop();
        if (!startProcess()) {
            stop();
            throw new IllegalStateException("Payara Micro failed to deploy " + war.getName() + " twice; see " + log);
        }
    }

    /** True when ready; false when Payara logged that the WAR failed to deploy (only for other WARs than Keyturn's). */
    private boolean startProcess() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add(keyturn ? "-Xmx512m" : "-Xmx256m");
        command.add("-XX:+ExitOnOutOfMemoryError"); // as the run command: an OutOfMemoryError fails loudly
        // Payara Micro unpacks its runtime (about 150 MB) into java.io.tmpdir and deletes it in a shutdown hook,
        // which kill() skips: under the test JVM's own (target/) the copy goes with the build, not into /tmp
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        if (keyturn) {
            String jvmOptions = System.getProperty("keyturn.it.jvm.options", "");
            Arrays.stream(jvmOptions.split("\\s+")).filter(option -> !option.isBlank()).forEach(command::add);
        }
        command.addAll(List.of("-jar", System.getProperty("payara.micro.jar"),
                "--deploy", war.getPath(), "--contextroot", contextRoot,
                "--port", String.valueOf(port), "--nohazelcast"));
        if (keyturn) {
            command.addAll(List.of("--prebootcommandfile", System.getProperty("keyturn.it.preboot"),
                    "--systemProperties", System.getProperty("keyturn.it.system.properties")));
        }
        log = new File(System.getProperty("java.io.tmpdir"),
                (keyturn ? "second-instance-" : war.getName() + "-") + port + ".log");
        long logStart = log.length();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().putAll(environment);
        process = builder.start();
        return awaitReady(log, logStart);
    }

    /** This instance's server log: its standard output, written straight to a file. */
    public java.nio.file.Path log() {
        return log.toPath();
    }

    public Http http() {
        try {
            return new Http(new URL("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean awaitReady(File log, long logStart) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI ready = URI.create("http://127.0.0.1:" + port + readyPath);
        long deadline = System.currentTimeMillis() + START_DEADLINE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second instance (" + war.getName()
                        + ") died while starting; see " + log);
            }
            try {
                HttpResponse<Void> reply = client.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (keyturn ? reply.statusCode() == 200 : reply.statusCode() < 500 && reply.statusCode() != 404) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (loggedSince(log, logStart).contains(DEPLOYMENT_FAILED)) {
                if (keyturn) {
                    stop();
                    throw new IllegalStateException("The second instance failed to deploy Keyturn; see " + log);
                }
                System.err.println("Payara Micro failed to deploy " + war.getName() + "; starting it once more. See "
                        + log);
                return false;
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("The second instance was not ready within " + START_DEADLINE + "; see " + log);
    }

    /** What this start wrote to the log: the file is appended to by every start of the same port. */
    private static String loggedSince(File log, long start) throws IOException {
        try (InputStream in = Files.newInputStream(log.toPath())) {
            in.skipNBytes(Math.min(start, log.length()));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
