package io.keyturn.tokens.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuerTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "https://auth.example.com", "https://intranet.example.com/auth",
            "https://intranet.example.com/sso/keyturn", "http://127.0.0.1:8380", "https://[2001:db8::1]:8443/a"})
    void anAbsoluteHttpUrlWithoutTrailingSlashIsKeptByteForByte(String value) {
        assertEquals(value, new Issuer(value).value());
    }

    @Test
    void theDefaultIsUsable() {
        assertEquals("http://localhost:8080", new Issuer(Issuer.DEFAULT).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "keyturn", "localhost:8080", "/auth", "ftp://auth.example.com",
            "HTTPS://auth.example.com", "https:auth.example.com", "https://", "https:///auth",
            "https://auth.example.com/", "https://auth.example.com/auth/", "https://auth.example.com?x=1",
            "https://auth.example.com/auth?", "https://auth.example.com#top", "https://auth.example.com/#",
            "https://user:secret@auth.example.com", "https://auth.example.com//auth",
            "https://auth.example.com/a/../auth", "https://auth.example.com/./auth", " https://auth.example.com",
            "https://auth.example.com\n", "https://auth example.com", "https://auth.example.com/a b"})
    void anythingElseIsRefusedWithAMessageNamingTheProperty(String value) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Issuer(value));
        assertTrue(refused.getMessage().startsWith("keyturn.issuer="), refused.getMessage());
        assertTrue(refused.getMessage().contains("cannot be used: "), refused.getMessage());
    }

    @Test
    void nullIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Issuer(null));
    }

    @Test
    void theReasonIsSpecific() {
        assertEquals("it ends with a slash", Issuer.unusableBecause("https://auth.example.com/"));
        assertEquals("it has a query", Issuer.unusableBecause("https://auth.example.com?a"));
        assertEquals("it has a fragment", Issuer.unusableBecause("https://auth.example.com#a"));
        assertEquals("the scheme is not http or https (in lower case)", Issuer.unusableBecause("urn:keyturn"));
    }

    @Test
    void resolvePutsAPathUnderTheIssuerIncludingItsContextPath() {
        assertEquals(URI.create("https://intranet.example.com/auth/api/admin/users/42"),
                new Issuer("https://intranet.example.com/auth").resolve("/api/admin/users/42"));
        assertEquals(URI.create("http://localhost:8080/api/admin/users/42"),
                new Issuer("http://localhost:8080").resolve("/api/admin/users/42"));
        assertThrows(IllegalArgumentException.class, () -> new Issuer("http://localhost:8080").resolve("api"));
    }

    /** The reviewer's finding: each of these started, and a verifier could spell each differently. */
    @Test
    void refusesPortsAndPathsAVerifierCouldSpellDifferently() {
        String port = "its port is not a number from 1 to 65535 without leading zeros";
        assertEquals(port, Issuer.unusableBecause("http://localhost:"));
        assertEquals(port, Issuer.unusableBecause("http://host:08080"));
        assertEquals(port, Issuer.unusableBecause("http://host:99999"));
        assertEquals(port, Issuer.unusableBecause("http://host:0"));
        assertEquals(port, Issuer.unusableBecause("http://[::1]:"));
        String encoded = "its path percent-encodes a letter, digit or one of - . _ ~, which a verifier may decode";
        assertEquals(encoded, Issuer.unusableBecause("https://auth.example.com/auth/%2e%2e"));
        assertEquals(encoded, Issuer.unusableBecause("https://auth.example.com/%2E"));
        assertEquals(encoded, Issuer.unusableBecause("https://auth.example.com/%61uth"));
        assertEquals(encoded, Issuer.unusableBecause("https://auth.example.com/a%7Eb"));
        String parameter = "its path has a ';' parameter, which servers and verifiers treat differently";
        assertEquals(parameter, Issuer.unusableBecause("https://auth.example.com/auth;x=1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:1", "http://localhost:65535", "https://auth.example.com:443",
            "https://[::1]:8443", "https://auth.example.com/a%20b", "https://auth.example.com/a%2Fb"})
    void portsAndEncodingsAVerifierKeepsStayValid(String value) {
        assertEquals(value, new Issuer(value).value());
    }
}
