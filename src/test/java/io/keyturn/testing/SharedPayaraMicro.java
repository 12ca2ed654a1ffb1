package io.keyturn.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;

/**
 * Payara Micro's Arquillian connector, with one server for all the test classes of a test JVM that deploy the same
 * archive (every IT class deploys {@link Deployments#keyturn()}, unchanged, with the same settings): the connector
 * starts a Payara Micro for each deployment and stops it at each undeployment, about 15–20 CPU-seconds each, which
 * made up most of CI's time. Here an undeployment leaves the server running, the next deployment of the same bytes
 * gets it back, and the server stops when Arquillian stops the container at the end of the run.
 * <p>
 * A deployment of other bytes, or a server that no longer answers HTTP (a test that broke it), gets a fresh server.
 * Classes that need other settings start their own servers ({@link SecondInstance}). The servers share the database
 * anyway (one H2 file or MariaDB per run), so what stays is only the server's memory: caches that the product
 * keeps correct across instances, which is what the tests check (docs/architecture.md, "Tests").
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());

    private Archive<?> running;
    private String runningDigest;
    private ProtocolMetaData runningMetaData;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String digest = digest(archive);
        if (running != null) {
            if (digest.equals(runningDigest) && answers(runningMetaData)) {
                LOG.info(() -> "Reusing the running Payara Micro for " + archive.getName());
                return runningMetaData;
            }
            stopRunning();
        }
        ProtocolMetaData metaData = super.deploy(archive);
        running = archive;
        runningDigest = digest;
        runningMetaData = metaData;
        return metaData;
    }

    /** Keeps the server for the next class: {@link #stop()} ends it. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            stopRunning();
        } catch (DeploymentException e) {
            throw new LifecycleException("Stopping the shared Payara Micro failed", e);
        }
        super.stop();
    }

    private void stopRunning() throws DeploymentException {
        if (running != null) {
            Archive<?> archive = running;
            running = null;
            runningDigest = null;
            runningMetaData = null;
            super.undeploy(archive);
        }
    }

    /** Whether the server still answers HTTP at all (any status: an outage's 503 is an answer too). */
    private static boolean answers(ProtocolMetaData metaData) {
        HTTPContext context = metaData.getContexts(HTTPContext.class).iterator().next();
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "http://" + context.getHost() + ":" + context.getPort() + "/health/live").toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            try {
                connection.getResponseCode();
                return true;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            LOG.warning(() -> "The running Payara Micro does not answer (" + e + "): starting a new one");
            return false;
        }
    }

    /** SHA-256 over the archive's name, paths and bytes: the same WAR file read twice gives the same digest. */
    private static String digest(Archive<?> archive) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(archive.getName().getBytes(StandardCharsets.UTF_8));
            Map<String, Node> sorted = new TreeMap<>();
            for (Map.Entry<ArchivePath, Node> entry : archive.getContent().entrySet()) {
                sorted.put(entry.getKey().get(), entry.getValue());
            }
            byte[] buffer = new byte[64 * 1024];
            for (Map.Entry<String, Node> entry : sorted.entrySet()) {
                sha256.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
                if (entry.getValue().getAsset() != null) {
                    try (InputStream in = entry.getValue().getAsset().openStream()) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha256.update(buffer, 0, n);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
