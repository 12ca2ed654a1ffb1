package io.keyturn.security.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which browser origins may call Keyturn cross-origin, with credentials. An origin is compared with the request's
 * {@code Origin} header exactly, so an entry a browser never sends (a wildcard, a trailing slash or path, upper case,
 * the scheme's default port spelled out, an empty or impossible port, a scheme such as {@code ftp} or {@code file}
 * that makes no origin a browser sends) would silently allow nobody; it fails start-up naming the property instead.
 * Other schemes pass: browser extensions and the web views of hybrid apps ({@code capacitor://localhost},
 * {@code tauri://localhost}) send their own. Read by
 * {@link io.keyturn.security.control.CorsSettingsProducer}.
 *
 * @param allowedOrigins {@value #ALLOWED_ORIGINS}: origins such as {@code https://app.example}; none by default
 *                       (CORS off)
 */
public record CorsSettings(List<String> allowedOrigins) {

    public static final String ALLOWED_ORIGINS = "keyturn.cors.allowed-origins";
    /** What a browser sends for an opaque origin (a sandboxed frame, a file); it matched before, so it still does. */
    private static final String OPAQUE_ORIGIN = "null";
    private static final List<String> WEB_SCHEMES = List.of("http", "https");
    /** Schemes whose pages have an opaque origin (sent as "null") or that are no page at all. */
    private static final List<String> NO_ORIGIN_SCHEMES = List.of("file", "data", "blob", "about", "javascript",
            "mailto", "ftp", "ws", "wss");
    /** Browsers send these for requests of their extensions (Chromium-based browsers, Firefox, Safari). */
    private static final List<String> EXTENSION_SCHEMES = List.of("chrome-extension", "moz-extension",
            "safari-web-extension");
    private static final Pattern VALID_PORT = Pattern.compile(":[1-9][0-9]{0,4}");
    private static final int MAX_PORT = 65535;

    public CorsSettings {
        // empty entries (a trailing comma) never matched anything, so dropping them changes nothing
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().filter(entry -> !entry.isEmpty()).toList();
        for (String origin : allowedOrigins) {
            if (!OPAQUE_ORIGIN.equals(origin)) {
                check(origin);
            }
        }
    }

    public boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    /** Whether any origin is allowed at all (CORS is off by default). */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    private static void check(String origin) {
        URI uri = serializedOrigin(origin);
        if (uri == null) {
            throw refused("scheme://host or scheme://host:port, in lower case, nothing after it", origin);
        }
        String scheme = uri.getScheme();
        if (NO_ORIGIN_SCHEMES.contains(scheme)) {
            throw refused("a scheme whose pages have an origin, not " + String.join(", ", NO_ORIGIN_SCHEMES),
                    origin);
        }
        String port = uri.getRawAuthority().substring(uri.getHost().length()); // "" or ":" and the digits as typed
        if (port.isEmpty()) {
            return;
        }
        if (!VALID_PORT.matcher(port).matches() || Integer.parseInt(port.substring(1)) > MAX_PORT
                || EXTENSION_SCHEMES.contains(scheme)) {
            throw refused("a port from 1 to " + MAX_PORT + " without leading zeros, and none for an extension",
                    origin);
        }
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        if (WEB_SCHEMES.contains(scheme) && Integer.parseInt(port.substring(1)) == defaultPort) {
            // a browser leaves the default port out, so this entry would never match: say how to write it
            throw refused("without the default port " + defaultPort + ": \"" + scheme + "://" + uri.getHost()
                    + "\"", origin);
        }
    }

    private static IllegalArgumentException refused(String rule, String origin) {
        return new IllegalArgumentException(ALLOWED_ORIGINS + " must list origins as a browser sends them (" + rule
                + "), not \"" + origin + "\"");
    }

    /** The origin as a URI, or null when it is more (or other) than scheme, host and an optional port. */
    private static URI serializedOrigin(String value) {
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            URI uri = new URI(value);
            boolean origin = uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && !value.endsWith("#") && !value.endsWith("?");
            return origin ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
