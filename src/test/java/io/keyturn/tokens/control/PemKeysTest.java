package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PEM private keys read with the JDK, public keys derived, compared with what OpenSSL derives. */
class PemKeysTest {

    private static final String SOURCE = "keyturn.signing.key";

    @ParameterizedTest
    @CsvSource({
        "rsa-2048.pem, rsa-2048.pub.pem, RSA",
        "rsa-2048-pkcs1.pem, rsa-2048.pub.pem, RSA",
        "ec-p256.pem, ec-p256.pub.pem, EC",
        "ed25519.pem, ed25519.pub.pem, Ed25519"})
    void derivesThePublicKeyOpenSslDerives(String privateFile, String publicFile, String type) throws Exception {
        KeyPair pair = PemKeys.read(TestKeys.pem(privateFile), SOURCE);
        PublicKey expected = publicKey(TestKeys.pem(publicFile), type);
        assertArrayEquals(expected.getEncoded(), pair.getPublic().getEncoded());
    }

    /** The sign of y is found by a test signature: many keys, so both signs occur. */
    @RepeatedTest(8)
    void derivesTheEcPublicKeyOfJdkGeneratedKeys() {
        KeyPair generated = TestKeys.generate("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair read = PemKeys.read(TestKeys.pkcs8Pem(generated.getPrivate()), SOURCE);
        assertArrayEquals(generated.getPublic().getEncoded(), read.getPublic().getEncoded());
    }

    @Test
    void derivesTheEd25519PublicKeyOfJdkGeneratedKeys() {
        KeyPair generated = TestKeys.generate("Ed25519", NamedParameterSpec.ED25519);
        KeyPair read = PemKeys.read(TestKeys.pkcs8Pem(generated.getPrivate()), SOURCE);
        assertArrayEquals(generated.getPublic().getEncoded(), read.getPublic().getEncoded());
    }

    @Test
    void acceptsEscapedNewlinesAsEnvironmentVariablesCarryThem() {
        String oneLine = TestKeys.pem("ec-p256.pem").strip().replace("\n", "\\n");
        KeyPair pair = PemKeys.read(oneLine, SOURCE);
        assertEquals("EC", pair.getPublic().getAlgorithm());
    }

    @Test
    void refusesTextThatIsNoPem() {
        assertRefused("not a key at all", "is not a PEM private key");
    }

    @Test
    void refusesAPublicKey() {
        assertRefused(TestKeys.pem("ec-p256.pub.pem"), "PUBLIC KEY");
    }

    @Test
    void refusesSec1EcKeysWithTheConversionCommand() {
        assertRefused(TestKeys.pem("ec-p256-sec1.pem"), "openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void refusesEncryptedKeys() {
        assertRefused("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----",
                "encrypted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA", "!!!!", "AAAA"})
    void refusesUnparsableKeyBodies(String body) {
        assertRefused("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----", SOURCE);
    }

    @Test
    void refusesATruncatedKey() {
        String pem = TestKeys.pem("rsa-2048.pem");
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        assertRefused(truncated, SOURCE);
    }

    private static void assertRefused(String pem, String expectedInMessage) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> PemKeys.read(pem, SOURCE));
        assertTrue(refusal.getMessage().startsWith(SOURCE), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(expectedInMessage), refusal.getMessage());
    }

    private static PublicKey publicKey(String pem, String type) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
