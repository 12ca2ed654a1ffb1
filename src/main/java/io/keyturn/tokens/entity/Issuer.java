package io.keyturn.tokens.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * {@code keyturn.issuer}: the externally visible base URL of Keyturn (where its WAR is reachable, including any
 * context path), checked once. It is the {@code iss} of every access token, byte for byte, and the prefix of every
 * absolute URL Keyturn answers ({@code Location}), so those never come from a request's {@code Host} header.
 * Verifiers compare {@code iss} as a plain string, which is why nothing here is normalized: a value that a verifier
 * could spell differently (trailing slash, upper-case scheme, dot segments, also percent-encoded ones, a port with
 * leading zeros, a path parameter) is refused instead.
 */
public record Issuer(String value) {

    public static final String PROPERTY = "keyturn.issuer";
    public static final String DEFAULT = "http://localhost:8080";
    private static final Pattern PORT = Pattern.compile(":[1-9][0-9]{0,4}");
    private static final int MAX_PORT = 65535;
    /** RFC 3986 unreserved characters, percent-encoded: ALPHA (41-5A, 61-7A), DIGIT (30-39), '-', '.', '_', '~'. */
    private static final Pattern ENCODED_UNRESERVED = Pattern.compile(
            "%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DEde]|5[Ff]|7[Ee])");

    public Issuer {
        String reason = unusableBecause(value);
        if (reason != null) {
            throw new IllegalStateException(PROPERTY + "=" + value + " cannot be used: " + reason + ". It must be "
                    + "the public base URL of Keyturn, an absolute http or https URL without query, fragment or "
                    + "trailing slash, e.g. https://auth.example.com or https://intranet.example.com/auth");
        }
    }

    /** An absolute URL under the issuer; {@code path} starts with a slash, e.g. {@code /api/admin/users/42}. */
    public URI resolve(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a path under the issuer starts with /: " + path);
        }
        return URI.create(value + path);
    }

    /** Why the value cannot be the issuer, or null when it can. */
    static String unusableBecause(String value) {
        if (value == null || value.isEmpty()) {
            return "it is empty";
        }
        if (!value.equals(value.strip())) {
            return "it has leading or trailing whitespace";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "it is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")";
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return "the scheme is not http or https (in lower case)";
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            return "it has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "it carries user information";
        }
        if (uri.getRawQuery() != null || value.contains("?")) {
            return "it has a query";
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            return "it has a fragment";
        }
        if (value.endsWith("/")) {
            return "it ends with a slash";
        }
        String port = uri.getRawAuthority().substring(uri.getHost().length()); // "" or ":" and the digits as typed
        if (!port.isEmpty() && (!PORT.matcher(port).matches() || Integer.parseInt(port.substring(1)) > MAX_PORT)) {
            return "its port is not a number from 1 to " + MAX_PORT + " without leading zeros";
        }
        String path = uri.getRawPath();
        if (path.contains("//") || !path.equals(uri.normalize().getRawPath())) {
            return "its path has empty, '.' or '..' segments";
        }
        if (ENCODED_UNRESERVED.matcher(path).find()) {
            // %2e%2e is a '..' segment to a verifier that decodes it (RFC 3986, 6.2.2.2), and %41 is an 'A'
            return "its path percent-encodes a letter, digit or one of - . _ ~, which a verifier may decode";
        }
        if (path.contains(";")) {
            return "its path has a ';' parameter, which servers and verifiers treat differently";
        }
        return null;
    }
}
