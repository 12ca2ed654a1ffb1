package io.keyturn.oauth.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordGrantTest {

    @Test
    void acceptsTrueOrFalseInAnyCase() {
        assertTrue(PasswordGrant.parse(" TRUE ").enabled());
        assertFalse(PasswordGrant.parse("false").enabled());
    }

    /** MicroProfile Config would read a typo as false; a switch for a forbidden grant must not guess. */
    @Test
    void refusesAnythingElseNamingTheProperty() {
        for (String wrong : new String[] {"ture", "yes", "1", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> PasswordGrant.parse(wrong));
            assertTrue(refused.getMessage().contains(PasswordGrant.PROPERTY), refused.getMessage());
        }
    }
}
