package io.keyturn.problems.boundary;

import io.keyturn.problems.entity.Problem;
import io.keyturn.problems.entity.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses, before JAX-RS matches a resource, an {@code Accept} or {@code Content-Type} header with a quality value
 * that is not one (RFC 9110 §12.4.2: 0 to 1, at most three decimals, e.g. {@code q=abc}): RESTEasy fails on it
 * while it matches the resource, which WildFly answered 500 with a stack trace in the log, and Jersey logs a stack
 * trace too. The client gets the 400 its header deserves, from every server.
 */
@Provider
@PreMatching
public class QualityValueCheck implements ContainerRequestFilter {

    private static final Pattern QUALITY_VALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @Override
    public void filter(ContainerRequestContext request) {
        for (String header : List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE)) {
            for (String value : request.getHeaders().getOrDefault(header, List.of())) {
                if (!qualityValuesValid(value)) {
                    request.abortWith(ProblemResponses.of(Problem.of(ProblemType.BAD_REQUEST,
                            "The " + header + " header has a quality value (q) that is not a number from 0 to 1"))
                            .build());
                    return;
                }
            }
        }
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
}
