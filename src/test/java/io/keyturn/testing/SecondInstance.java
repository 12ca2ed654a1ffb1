package io.keyturn.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second Payara Micro with the same WAR, the same environment (so the same database and settings) and the same
 * options as the one Arquillian manages, for tests about several instances. Hazelcast stays off: the instances
 * share nothing but the database, as in production.
 */
public final class SecondInstance {

    private static final Duration START_DEADLINE = Duration.ofMinutes(4);

    private Process process;
    private final int port;
    private File log;

    private final java.util.Map<String, String> environment;

    private SecondInstance(int port, java.util.Map<String, String> environment) {
        this.port = port;
        this.environment = environment;
    }

    public static SecondInstance start() throws Exception {
        return start(java.util.Map.of());
    }

    /** With these environment variables added to (or replacing) the test JVM's, e.g. other Keyturn settings. */
    public static SecondInstance start(java.util.Map<String, String> environment) throws Exception {
        SecondInstance instance = new SecondInstance(freePort(), environment);
        instance.launch();
        return instance;
    }

    /** SIGKILL: no shutdown hook, no graceful close of connections or transactions. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void restart() throws Exception {
        launch();
    }

    private void launch() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-Xmx512m");
        String jvmOptions = System.getProperty("keyturn.it.jvm.options", "");
        Arrays.stream(jvmOptions.split("\\s+")).filter(option -> !option.isBlank()).forEach(command::add);
        command.addAll(List.of("-jar", System.getProperty("payara.micro.jar"),
                "--deploy", System.getProperty("keyturn.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast",
                "--prebootcommandfile", System.getProperty("keyturn.it.preboot")));
        log = new File(System.getProperty("java.io.tmpdir"), "second-instance-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitReady(log);
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

    private void awaitReady(File log) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        long deadline = System.currentTimeMillis() + START_DEADLINE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second instance died while starting; see " + log);
            }
            try {
                HttpResponse<Void> reply = client.send(HttpRequest.newBuilder(ready).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException("The second instance was not ready within " + START_DEADLINE + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
