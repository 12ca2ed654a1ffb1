package io.keyturn.problems.boundary;

import io.keyturn.problems.entity.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml) for everything outside JAX-RS: unknown paths, wrong methods on the JWKS
 * servlet, failures before JAX-RS is reached. Answers a problem detail instead of the server's HTML page.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            LOG.log(Level.SEVERE, "Unhandled failure outside JAX-RS", failure);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        Problem problem = Problem.ofStatus(status, detailOf(status, request));
        response.setStatus(status);
        // as every answer of the API: a refusal is about this request, not for a cache to hand to the next
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(problem));
    }


    private static String detailOf(int status, HttpServletRequest request) {
        if (status == HttpServletResponse.SC_BAD_REQUEST) {
            for (String header : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT)) {
                String value = request.getHeader(header);
                String fault = value == null ? null : MediaTypeHeaderCheck.faultOf(header, value);
                if (fault != null) {
                    return "The " + header + " header " + fault;
                }
            }
        }
        return switch (status) {
            case 404 -> "There is nothing at this address";
            // 501: a method the servlet API does not know (PATCH on the JWKS or metadata servlets)
            case 405, 501 -> "This address does not answer this HTTP method";
            default -> status >= 500 ? "Keyturn failed to answer" : "The request was refused";
        };
    }
}
