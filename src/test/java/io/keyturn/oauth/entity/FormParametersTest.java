package io.keyturn.oauth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    @Test
    void decodesNamesAndValuesAndIgnoresWhatIsNotAskedFor() {
        FormParameters form = FormParameters.parse("grant_type=refresh_token&refresh_token=a%2Bb+c&extra=1");
        assertEquals("refresh_token", form.required("grant_type"));
        assertEquals("a+b c", form.required("refresh_token"));
    }

    @Test
    void aParameterWithoutValueIsAsIfOmitted() {
        FormParameters form = FormParameters.parse("client_id=&token&x=1");
        assertEquals(Optional.empty(), form.get("client_id"));
        assertEquals(Optional.empty(), form.get("token"));
        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthException.class, () -> form.required("client_id")).error());
    }

    @Test
    void aParameterSentTwiceIsAnInvalidRequestEvenWhenOneIsEmpty() {
        for (String body : new String[] {"a=1&a=2", "a=&a=2", "token=x&t%6Fken=y"}) {
            OAuthException refused = assertThrows(OAuthException.class, () -> FormParameters.parse(body), body);
            assertEquals(OAuthError.INVALID_REQUEST, refused.error());
        }
    }

    @Test
    void brokenPercentEncodingIsAnInvalidRequest() {
        assertEquals(OAuthError.INVALID_REQUEST,
                assertThrows(OAuthException.class, () -> FormParameters.parse("token=%zz")).error());
        assertTrue(FormParameters.parse("").get("token").isEmpty());
    }
}
