package io.keyturn.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The property's name, which its readers rely on, and its strict reading. */
class CookieSettingsTest {

    @Test
    void namesItsProperty() {
        assertEquals("keyturn.cookie.secure", CookieSettings.SECURE);
    }

    @Test
    void keepsTheMeaningOfEveryValueThatHadOne() {
        assertTrue(CookieSettings.parse("true").secure(), "the default");
        assertTrue(CookieSettings.parse("yes").secure());
        assertFalse(CookieSettings.parse("false").secure());
        assertFalse(CookieSettings.parse("0").secure());
    }

    /** The reviewer's finding: KEYTURN_COOKIE_SECURE=ture sent the refresh cookie without Secure. */
    @Test
    void aTypoIsRefusedNamingTheProperty() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> CookieSettings.parse("ture"));
        assertEquals("keyturn.cookie.secure must be true or false (also yes/no, on/off, 1/0), not \"ture\"",
                refusal.getMessage());
    }
}
