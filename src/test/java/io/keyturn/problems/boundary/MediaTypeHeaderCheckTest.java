package io.keyturn.problems.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeHeaderCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "*", "application/json;q=0.5", "text/html;q=1, */*;q=0",
            "application/json; q=0.123", "application/json;Q=1.000", "application/json;charset=UTF-8",
            "application/json; charset=\"utf-8\"; q=0.9, application/problem+json;q=0.1", ";;;", "a/b/c",
            // Java 8's HttpURLConnection's default Accept: .2 is outside RFC 9110's grammar; Jersey and RESTEasy read it
            "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"})
    void headersWhoseQualityValuesAreNumbersFromZeroToOnePass(String header) {
        assertTrue(MediaTypeHeaderCheck.qualityValuesValid(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;q=abc", "application/json;q=", "application/json;q", "*/*;q=0.5x",
            "*/*;q=2", "*/*;q=1.5", "*/*;q=0.1234", "*/*;q=-1", "*/*;q=\"0.5\"", "text/html, */*;q=NaN",
            "application/json;charset=UTF-8;q=1e0", "*/*;q=.", "*/*;q=.1234"})
    void anyOtherQualityValueIsRefused(String header) {
        assertFalse(MediaTypeHeaderCheck.qualityValuesValid(header), header);
    }
}
