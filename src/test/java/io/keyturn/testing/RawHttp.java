package io.keyturn.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 exchange over a plain socket, for the requests Java's HTTP clients refuse to send: a {@code Host} of
 * the caller's choosing, or one header name on several lines.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, ending in an empty line) and {@code body}; returns the answer. */
    public static String exchange(URL base, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
