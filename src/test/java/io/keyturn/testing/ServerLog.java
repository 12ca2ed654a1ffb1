package io.keyturn.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The server log of the container Arquillian started: its console output, which Arquillian copies line by line to
 * this JVM's standard output (outputToConsole). The files failsafe writes from that output appear only when a test
 * class ends, too late for a test to read, so this listener (registered in META-INF/services) keeps a copy of
 * everything written to standard output while the tests run.
 */
public final class ServerLog implements LauncherSessionListener {

    private static final long WAIT_MILLIS = 15_000;
    private static final ByteArrayOutputStream COPY = new ByteArrayOutputStream();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        PrintStream console = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                synchronized (COPY) {
                    COPY.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                console.write(bytes, offset, length);
                synchronized (COPY) {
                    COPY.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() {
                console.flush();
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** The server output so far, once it contains {@code line} (the server logs in order: what came before is in). */
    public static String awaiting(String line) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String log = text();
        while (!log.contains(line)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the server log has no line with: " + line);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            log = text();
        }
        return log;
    }

    /** Where the server log stands now, for {@link #since}. */
    public static int mark() {
        synchronized (COPY) {
            return COPY.size();
        }
    }

    /** What the server logged after {@code mark}, once it contains {@code line}. */
    public static String since(int mark, String line) {
        String log = awaiting(line);
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        return new String(bytes, mark, bytes.length - mark, StandardCharsets.UTF_8);
    }

    private static String text() {
        synchronized (COPY) {
            return COPY.toString(StandardCharsets.UTF_8);
        }
    }
}
