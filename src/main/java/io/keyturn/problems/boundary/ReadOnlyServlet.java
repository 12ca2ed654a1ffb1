package io.keyturn.problems.boundary;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet that only answers {@code GET} (and so {@code HEAD} and {@code OPTIONS}), such as the key set and the
 * metadata. The servlet API's own refusal of another method is a 405 without the {@code Allow} header that RFC 9110
 * §15.5.6 requires, which the JAX-RS endpoints send; here the refusal names the methods, and the error page makes it
 * a problem document as any other, and {@code OPTIONS} names the same methods.
 */
public abstract class ReadOnlyServlet extends HttpServlet {

    static final String ALLOWED = "GET, HEAD, OPTIONS";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response);
    }

    /** The servlet API builds its list from the methods overridden here, which would name the refused ones too. */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Allow", ALLOWED);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED);
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
