package io.keyturn.security.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may call Keyturn cross-origin, with credentials. An origin is compared with the request's
 * {@code Origin} header exactly, so an entry a browser never sends (a wildcard, a trailing slash or path, upper case)
 * would silently allow nobody; it fails start-up naming the property instead. Read by
 * {@link io.keyturn.security.control.CorsSettingsProducer}.
 *
 * @param allowedOrigins {@value #ALLOWED_ORIGINS}: origins such as {@code https://app.example}; none by default
 *                       (CORS off)
 */
public record CorsSettings(List<String> allowedOrigins) {

    public static final String ALLOWED_ORIGINS = "keyturn.cors.allowed-origins";
    /** What a browser sends for an opaque origin (a sandboxed frame, a file); it matched before, so it still does. */
    private static final String OPAQUE_ORIGIN = "null";

    public CorsSettings {
        // empty entries (a trailing comma) never matched anything, so dropping them changes nothing
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().filter(entry -> !entry.isEmpty()).toList();
        for (String origin : allowedOrigins) {
            if (!OPAQUE_ORIGIN.equals(origin) && !isSerializedOrigin(origin)) {
                throw new IllegalArgumentException(ALLOWED_ORIGINS + " must list origins as a browser sends them "
                        + "(scheme://host or scheme://host:port, in lower case, nothing after it), not \"" + origin
                        + "\"");
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

    private static boolean isSerializedOrigin(String value) {
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && !value.endsWith("#") && !value.endsWith("?");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
