package io.keyturn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The HTTP port of the Payara Micro that Arquillian starts for the test classes: one port for this test JVM, chosen
 * by the kernel from its free ephemeral ports, in the system property {@value #PROPERTY} (arquillian.xml passes it
 * as {@code --port}; registered in META-INF/services, so it is set before Arquillian reads that file).
 * <p>
 * Why not the connector's own {@code randomHttpPort}: it draws from 8080 - 9079, the range every Payara Micro
 * Arquillian suite on the machine draws from too. In CI a class's requests went to another Payara Micro that did not
 * have this deployment: 404 for every request, while this class's own server, announced on that port, logged none of
 * them. A port the kernel has just handed out, outside that range, is not wanted by anyone else. The classes of a run
 * share one server ({@link SharedPayaraMicro}); when it starts a new one, the previous server closes its listener
 * within a second of being told to stop, long before the next one binds, and if it has not, Payara Micro's
 * {@code --autoBindHttp} (kept on) takes the next free port and announces that one.
 */
public final class PayaraPort implements LauncherSessionListener {

    public static final String PROPERTY = "keyturn.it.http.port";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(free()));
        }
    }

    /** A port no socket on this machine holds now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
