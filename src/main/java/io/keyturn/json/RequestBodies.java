package io.keyturn.json;

import io.keyturn.problems.entity.ProblemException;
import jakarta.ws.rs.core.Response.Status;
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

    /** Far above any Keyturn request (the largest is a registration: about 500 bytes). */
    public static final int MAX_BYTES = 16 * 1024;

    private RequestBodies() {
    }

    public static String read(InputStream in, long contentLength, Charset charset) throws IOException {
        if (contentLength > MAX_BYTES) {
            throw tooLarge();
        }
        if (contentLength >= 0) {
            return new String(in.readNBytes((int) contentLength), charset);
        }
        byte[] bytes = in.readNBytes(MAX_BYTES + 1); // chunked: its end is marked, so this returns
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return new String(bytes, charset);
    }

    public static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large",
                "The request body is larger than " + MAX_BYTES + " bytes");
    }
}
