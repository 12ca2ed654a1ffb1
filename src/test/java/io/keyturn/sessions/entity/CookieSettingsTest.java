package io.keyturn.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Nothing to refuse (a boolean), but the name its property and readers rely on must not drift. */
class CookieSettingsTest {

    @Test
    void namesItsProperty() {
        assertEquals("keyturn.cookie.secure", CookieSettings.SECURE);
    }
}
