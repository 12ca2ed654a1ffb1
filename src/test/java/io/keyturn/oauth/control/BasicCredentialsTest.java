package io.keyturn.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idAndSecretAreFormUrlDecodedAfterSplittingAtTheFirstColon() {
        BasicCredentials.Presented presented = BasicCredentials.parse(basic("my%3Aapp:s%2Bcr%3Aet+x")).orElseThrow();
        assertEquals("my:app", presented.clientId());
        assertEquals("s+cr:et x", presented.secret());
        assertFalse(presented.toString().contains("cr"), "never the secret");
        assertEquals("orders-api", BasicCredentials.parse("basic " + basic("orders-api:abc").substring(6))
                .orElseThrow().clientId(), "the scheme is case-insensitive");
    }

    @Test
    void anotherSchemeOrNoHeaderIsNoBasicAttempt() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
    }

    @Test
    void brokenBasicCredentialsAreInvalidClient() {
        for (String header : new String[] {"Basic !!!", basic("no-colon"), basic(":secret"), basic("a%zz:b")}) {
            assertEquals(OAuthError.INVALID_CLIENT,
                    assertThrows(OAuthException.class, () -> BasicCredentials.parse(header), header).error());
        }
    }
}
