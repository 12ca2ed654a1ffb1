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
}
