package io.keyturn.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerChallengesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer realm=\"keyturn\", error=\"invalid_token\"", // Keyturn's, and MicroProfile JWT servers'
            "Bearer realm=\"api\", error=invalid_token", // a token instead of a quoted string
            "bearer error = \"invalid_token\"", // any case of the scheme, spaces around '='
            "Bearer error=\"invalid_token\", error_description=\"The access token expired\"",
            "Bearer realm=\"a, b\", ERROR=\"invalid_token\"", // a comma inside a quoted string
            "Basic realm=\"legacy\", Bearer realm=\"api\", error=\"invalid_token\"", // the second of two challenges
            "Bearer error=\"invalid\\_token\"", // a quoted-pair
    })
    void aBearerChallengeWithTheErrorInvalidTokenRefusesTheToken(String header) {
        assertTrue(BearerChallenges.refuseTheToken(List.of(header)), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer realm=\"keyturn\"", // no token was sent, or the server says nothing about it
            "Bearer realm=\"keyturn\", error=\"insufficient_scope\"",
            "Bearer error=\"invalid_token_format\"",
            "Bearer realm=\"error=\\\"invalid_token\\\"\"", // only inside another parameter's value
            "Basic realm=\"x\", error=\"invalid_token\"", // a parameter of Basic, not of Bearer
            "Bearer realm=\"api\", Basic error=\"invalid_token\"",
            "Bearer abc123==", // a token68
            "",
    })
    void anythingElseDoesNot(String header) {
        assertFalse(BearerChallenges.refuseTheToken(List.of(header)), header);
    }

    @Test
    void anyOfSeveralHeaderFieldsCounts() {
        assertTrue(BearerChallenges.refuseTheToken(
                List.of("Basic realm=\"legacy\"", "Bearer realm=\"api\", error=\"invalid_token\"")));
        assertFalse(BearerChallenges.refuseTheToken(null));
    }
}
