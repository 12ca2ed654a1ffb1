package io.keyturn.security.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsSettingsTest {

    @Test
    void noneByDefaultAllowsNobody() {
        assertFalse(new CorsSettings(List.of()).allows("https://app.example"));
    }

    @Test
    void allowsExactlyTheListedOrigins() {
        CorsSettings cors = new CorsSettings(List.of("https://app.example", "http://localhost:3000",
                "chrome-extension://abcdefghijklmnop"));
        assertTrue(cors.allows("https://app.example"));
        assertTrue(cors.allows("http://localhost:3000"));
        assertTrue(cors.allows("chrome-extension://abcdefghijklmnop"));
        assertFalse(cors.allows("https://app.example:443"));
        assertFalse(cors.allows("https://evil.example"));
    }

    @Test
    void refusesWhatNoBrowserSendsNamingTheProperty() {
        for (String entry : List.of("*", "https://app.example/", "https://app.example/path", "https://App.example",
                " https://app.example", "app.example", "https://user@app.example")) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> new CorsSettings(List.of(entry))).getMessage();
            assertTrue(message.startsWith("keyturn.cors.allowed-origins must list origins as a browser sends them"),
                    message);
            assertTrue(message.endsWith(", not \"" + entry + "\""), message);
        }
    }

    /** The reviewer's finding: each of these started, and no browser ever sends it. */
    @Test
    void refusesPortsAndSchemesNoBrowserSends() {
        assertRefused("https://app.example:443", "without the default port 443: \"https://app.example\"");
        assertRefused("http://app.example:80", "without the default port 80: \"http://app.example\"");
        assertRefused("http://[::1]:80", "without the default port 80: \"http://[::1]\"");
        for (String entry : List.of("https://app.example:", "https://app.example:99999", "https://app.example:0",
                "https://app.example:08080", "chrome-extension://abcdefghijklmnop:8080")) {
            assertRefused(entry, "a port from 1 to 65535 without leading zeros, and none for an extension");
        }
        for (String entry : List.of("ftp://app.example", "ws://app.example", "file://host")) {
            assertRefused(entry, "a scheme whose pages have an origin");
        }
    }

    @Test
    void keepsEveryOriginABrowserSends() {
        List<String> origins = List.of("https://app.example:8443", "http://app.example:443", "https://app.example:80",
                "http://localhost:65535", "http://[::1]:8080", "http://127.0.0.1:1", "moz-extension://1234-abcd",
                "safari-web-extension://abcd", "null", "capacitor://localhost", "tauri://localhost",
                "ionic://localhost");
        CorsSettings cors = new CorsSettings(origins);
        origins.forEach(origin -> assertTrue(cors.allows(origin), origin));
    }

    private static void assertRefused(String entry, String rule) {
        String message = assertThrows(IllegalArgumentException.class, () -> new CorsSettings(List.of(entry)))
                .getMessage();
        assertTrue(message.startsWith("keyturn.cors.allowed-origins must list origins as a browser sends them ("),
                message);
        assertTrue(message.contains(rule), message);
        assertTrue(message.endsWith(", not \"" + entry + "\""), message);
    }
}
