package io.keyturn.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    @Test
    void aSecretIs256RandomBitsInBase64Url() {
        String secret = ClientSecrets.newSecret();
        assertEquals(43, secret.length());
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
        assertTrue(secret.matches("[A-Za-z0-9_-]+"));
        assertNotEquals(secret, ClientSecrets.newSecret());
    }

    @Test
    void onlyTheSha256IsStoredAndOnlyTheSameSecretMatches() {
        String secret = ClientSecrets.newSecret();
        String stored = ClientSecrets.hash(secret);
        assertEquals(64, stored.length());
        assertFalse(stored.contains(secret));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ClientSecrets.hash(""));
        assertTrue(ClientSecrets.matches(secret, stored));
        assertFalse(ClientSecrets.matches(secret + "x", stored));
        assertFalse(ClientSecrets.matches(ClientSecrets.newSecret(), stored));
        assertFalse(ClientSecrets.matches(null, stored));
        assertFalse(ClientSecrets.matches(secret, null), "a public client has no secret to match");
        assertFalse(ClientSecrets.matches(secret, "not hex"));
        assertFalse(ClientSecrets.matches("x".repeat(600), stored));
    }
}
