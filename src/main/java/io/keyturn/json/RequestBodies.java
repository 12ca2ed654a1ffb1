package io.keyturn.json;

import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Reads a request body as text, exactly as long as its Content-Length says. Reading "to the end of the stream"
 * is not enough: a request that also asks to upgrade to HTTP/2 ({@code Upgrade: h2c}, which Java's HttpClient sends
 * by default over plain http) is treated by Payara's Grizzly as an upgraded connection whose stream never ends, so
 * such a read would wait for the socket timeout. Bodies larger than any Keyturn request are refused with 413.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * {@code maxBytes} is {@code keyturn.request.max-body-bytes}: 16 KB by default, far above any Keyturn request. A
     * body that ends before its Content-Length, or that the client stops sending until the server's read timeout, is
     * the client's failure, answered 400 like any other malformed request: no incident, no stack trace in the log
     * (the container reports both as an {@code IOException}, Undertow's "Remote peer closed connection before all
     * data could be read", Grizzly's {@code EOFException} or its timeout).
     */
    public static String read(InputStream in, long contentLength, Charset charset, int maxBytes) {
        if (contentLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            if (contentLength >= 0) {
                byte[] bytes = in.readNBytes((int) contentLength);
                if (bytes.length < contentLength) {
                    throw incomplete();
                }
                return new String(bytes, charset);
            }
            byte[] bytes = in.readNBytes(maxBytes + 1); // chunked: its end is marked, so this returns
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return new String(bytes, charset);
        } catch (IOException unreadable) {
            throw incomplete();
        }
    }

    public static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ProblemException incomplete() {
        return new ProblemException(ProblemType.BAD_REQUEST, "The request body ended before it was complete");
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes");
    }
}
