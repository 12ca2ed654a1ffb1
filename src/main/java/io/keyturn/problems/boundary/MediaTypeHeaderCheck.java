package io.keyturn.problems.boundary;

import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses, before JAX-RS matches a resource, an {@code Accept} or {@code Content-Type} header that the JAX-RS
 * implementation cannot read, with a 400 problem that names the header:
 * <ul>
 * <li>a quality value that is not one (RFC 9110 §12.4.2: 0 to 1, at most three decimals, e.g. {@code q=abc}; a
 * fraction without its leading zero, {@code q=.2}, passes):
 * RESTEasy fails on it while it matches the resource, which WildFly answered 500 with a stack trace in the log, and
 * Jersey logs a stack trace too;</li>
 * <li>a media type that is not one ({@code a/b/c}, a parameter without a value) in {@code Accept}. A malformed
 * {@code Content-Type} never reaches this filter on Payara: Jersey reads it first and refuses it through the
 * container's error page, which says the same ({@link ErrorPageServlet}).</li>
 * </ul>
 * Media types are read by the JAX-RS implementation's own parser ({@link MediaType#valueOf}), the one that reads
 * them after this filter, so what passes here is what the resource method gets.
 */
@Provider
@PreMatching
public class MediaTypeHeaderCheck implements ContainerRequestFilter {

    /**
     * RFC 9110's qvalue, and a fraction without its leading zero ({@code q=.2}): not in the grammar, but Java 8's
     * {@code HttpURLConnection} sends it in its default {@code Accept}, and Jersey and RESTEasy both read it.
     */
    private static final Pattern QUALITY_VALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?|\\.[0-9]{1,3}");

    @Override
    public void filter(ContainerRequestContext request) {
        for (String header : List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE)) {
            for (String value : request.getHeaders().getOrDefault(header, List.of())) {
                String fault = faultOf(header, value);
                if (fault != null) {
                    request.abortWith(ProblemResponses.of(Problem.of(ProblemType.BAD_REQUEST,
                            "The " + header + " header " + fault)).build());
                    return;
                }
            }
        }
    }

    /**
     * What is wrong with this value of the header, or {@code null}. Also asked by {@link ErrorPageServlet}: Jersey
     * reads {@code Content-Type} before any filter to find form bodies, and refuses a malformed one through the
     * container's error page.
     */
    static String faultOf(String header, String value) {
        if (!qualityValuesValid(value)) {
            return "has a quality value (q) that is not a number from 0 to 1";
        }
        if (!mediaTypesValid(header, value)) {
            return "is not a media type (RFC 9110: type/subtype, then ;name=value parameters)";
        }
        return null;
    }

    /** Every {@code q} parameter of every media range in the header is a quality value (a header without one is). */
    static boolean qualityValuesValid(String headerValue) {
        for (String mediaRange : headerValue.split(",")) {
            String[] parameters = mediaRange.split(";");
            for (int i = 1; i < parameters.length; i++) {
                String[] nameAndValue = parameters[i].split("=", 2);
                if (nameAndValue[0].strip().equalsIgnoreCase("q")
                        && (nameAndValue.length < 2 || !QUALITY_VALUE.matcher(nameAndValue[1].strip()).matches())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code Content-Type} is one media type; {@code Accept} a list of media ranges, where a lone {@code *} (old
     * clients send it for any type) stands for every type. Empty values are left to the implementation, which reads
     * them as absent.
     */
    private static boolean mediaTypesValid(String header, String value) {
        List<String> types = header.equals(HttpHeaders.ACCEPT) ? List.of(value.split(",")) : List.of(value);
        for (String type : types) {
            String stripped = type.strip();
            if (stripped.isEmpty() || stripped.equals("*") || stripped.startsWith("*;")) {
                continue;
            }
            try {
                MediaType.valueOf(stripped);
            } catch (IllegalArgumentException notAMediaType) {
                return false;
            }
        }
        return true;
    }
}
