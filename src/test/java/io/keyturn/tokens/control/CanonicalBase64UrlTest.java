package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of RFC 7515 §2's base64url, one at a time, and against the JDK's own encoder and (lenient) decoder. */
class CanonicalBase64UrlTest {

    private static final Base64.Encoder CANONICAL = Base64.getUrlEncoder().withoutPadding();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void theEncodingOfEveryLengthIsCanonical() {
        Random random = new Random(7515);
        for (int length = 0; length <= 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = CANONICAL.encodeToString(bytes);
            assertTrue(CanonicalBase64Url.isCanonical(encoded), encoded);
        }
    }

    @Test
    void theThreeLengthClassesModuloFourAreAccepted() {
        assertEquals(0, "AAEC".length() % 4);
        assertTrue(CanonicalBase64Url.isCanonical("AAEC")); // 3 bytes
        assertEquals(2, "AQ".length() % 4);
        assertTrue(CanonicalBase64Url.isCanonical("AQ")); // 1 byte
        assertEquals(3, "AAE".length() % 4);
        assertTrue(CanonicalBase64Url.isCanonical("AAE")); // 2 bytes
        assertTrue(CanonicalBase64Url.isCanonical(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AAAAA", "AAAAAAAAA", "_", "-----"})
    void aLengthOfOneModuloFourIsRefused(String segment) {
        assertEquals(1, segment.length() % 4);
        assertFalse(CanonicalBase64Url.isCanonical(segment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQ==", "AQ=", "AAE=", "AAEC====", "=", "==", "A=A", "AQ%3D%3D"})
    void paddingIsRefused(String segment) {
        assertFalse(CanonicalBase64Url.isCanonical(segment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+w", "/w", "AA+/", "ab+c", "ab/c"})
    void theStandardAlphabetIsRefused(String segment) {
        assertFalse(CanonicalBase64Url.isCanonical(segment));
    }

    @ParameterizedTest
    @ValueSource(strings = {" AAA", "AA A", "AAAA\n", "AA\r\nAA", "AA.A", "AAÄA", "AA\u0000A", "AA\tA"})
    void anyOtherCharacterIsRefused(String segment) {
        assertFalse(CanonicalBase64Url.isCanonical(segment));
    }

    @Test
    void nonZeroUnusedBitsInTheLastCharacterAreRefused() {
        // two characters carry one byte: the last character's low 4 bits are unused
        assertTrue(CanonicalBase64Url.isCanonical("AQ")); // Q = 010000
        for (char last : "RSTUVWXYZabcdef".toCharArray()) { // 010001 .. 011111
            assertFalse(CanonicalBase64Url.isCanonical("A" + last), "A" + last);
            assertArrayEquals(Base64.getUrlDecoder().decode("AQ"), Base64.getUrlDecoder().decode("A" + last),
                    "the JDK decoder reads both spellings as the same byte");
        }
        // three characters carry two bytes: the last character's low 2 bits are unused
        assertTrue(CanonicalBase64Url.isCanonical("AAE")); // E = 000100
        for (char last : "FGH".toCharArray()) {
            assertFalse(CanonicalBase64Url.isCanonical("AA" + last), "AA" + last);
        }
    }

    /** Exhaustive over every 2- and 3-character string: canonical exactly when re-encoding gives it back. */
    @Test
    void canonicalIsExactlyWhatReEncodingTheDecodedBytesReproduces() {
        for (char a : ALPHABET.toCharArray()) {
            for (char b : ALPHABET.toCharArray()) {
                assertAgreesWithTheJdk("" + a + b);
                for (char c : ALPHABET.toCharArray()) {
                    assertAgreesWithTheJdk("" + a + b + c);
                }
            }
        }
    }

    private static void assertAgreesWithTheJdk(String segment) {
        String reEncoded = CANONICAL.encodeToString(Base64.getUrlDecoder().decode(segment));
        assertEquals(reEncoded.equals(segment), CanonicalBase64Url.isCanonical(segment), segment);
    }

    @Test
    void aCompactSerializationIsCanonicalWhenEverySegmentIs() {
        assertTrue(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.AQ"));
        assertTrue(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."),
                "an empty segment is the canonical encoding of nothing (jose4j refuses the missing signature)");
        assertFalse(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.AQ=="));
        assertFalse(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9=.eyJzdWIiOiIxIn0.AQ"));
        assertFalse(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0=.AQ"));
        assertFalse(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.AR"));
        assertFalse(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.A+/Q"));
        assertFalse(CanonicalBase64Url.isCanonicalCompact("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.AAAAA"));
    }
}
