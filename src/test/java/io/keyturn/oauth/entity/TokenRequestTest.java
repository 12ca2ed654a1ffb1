package io.keyturn.oauth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Grant dispatch: which grant a token request is, and what each refuses before any client or token is looked at. */
class TokenRequestTest {

    private static TokenRequest read(String body, boolean passwordGrant) {
        return TokenRequest.of(FormParameters.parse(body), passwordGrant);
    }

    private static OAuthError refusal(String body, boolean passwordGrant) {
        return assertThrows(OAuthException.class, () -> read(body, passwordGrant)).error();
    }

    @Test
    void eachSupportedGrantWithItsParameters() {
        TokenRequest refresh = read("grant_type=refresh_token&refresh_token=abc", false);
        assertEquals("abc", assertInstanceOf(TokenRequest.RefreshTokenGrant.class, refresh).refreshToken());
        assertFalse(refresh.toString().contains("abc"), "never the token in a log line");
        assertInstanceOf(TokenRequest.ClientCredentialsGrant.class, read("grant_type=client_credentials", false));
        TokenRequest password = read("grant_type=password&username=alice&password=secret+words", true);
        assertEquals("secret words", assertInstanceOf(TokenRequest.PasswordGrant.class, password).password());
        assertFalse(password.toString().contains("secret"));
    }

    @Test
    void missingParametersAreInvalidRequests() {
        assertEquals(OAuthError.INVALID_REQUEST, refusal("client_id=x", false));
        assertEquals(OAuthError.INVALID_REQUEST, refusal("grant_type=refresh_token", false));
        assertEquals(OAuthError.INVALID_REQUEST, refusal("grant_type=password&username=alice", true));
    }

    @Test
    void unknownGrantsAndTheSwitchedOffPasswordGrantAreUnsupported() {
        assertEquals(OAuthError.UNSUPPORTED_GRANT_TYPE, refusal("grant_type=authorization_code&code=x", false));
        assertEquals(OAuthError.UNSUPPORTED_GRANT_TYPE, refusal("grant_type=implicit", true));
        assertEquals(OAuthError.UNSUPPORTED_GRANT_TYPE,
                refusal("grant_type=password&username=alice&password=pw", false));
    }
}
