package io.keyturn.oauth.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OAuthSettingsTest {

    @Test
    void thePasswordGrantSwitchIsTrueOrFalseAndNothingElse() {
        assertTrue(OAuthSettings.of("true").passwordGrantEnabled());
        assertTrue(OAuthSettings.of(" TRUE ").passwordGrantEnabled());
        assertFalse(OAuthSettings.of("false").passwordGrantEnabled());
        IllegalStateException typo = assertThrows(IllegalStateException.class, () -> OAuthSettings.of("ture"));
        assertTrue(typo.getMessage().contains(OAuthSettings.PASSWORD_GRANT_ENABLED));
        assertThrows(IllegalStateException.class, () -> OAuthSettings.of("yes"));
    }
}
