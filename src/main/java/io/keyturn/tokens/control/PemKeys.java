package io.keyturn.tokens.control;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyAgreement;

/**
 * Reads a PEM private key ({@code BEGIN PRIVATE KEY}, PKCS#8, unencrypted; also {@code BEGIN RSA PRIVATE KEY},
 * PKCS#1) with the JDK's key factories and derives its public key, so an operator supplies one PEM only:
 * <ul>
 * <li>RSA: from the CRT private key's modulus and public exponent;</li>
 * <li>EC: the x coordinate of d·G from an ECDH agreement of the private key with the curve's generator, y from the
 * curve equation, and the sign of y chosen by a test signature;</li>
 * <li>Ed25519: the JDK's key-pair generator fed the private key as its randomness (RFC 8032 derives the public
 * key from those 32 bytes), checked to reproduce the same private key.</li>
 * </ul>
 * Every derived pair is checked with a real signature before it is used.
 */
public final class PemKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    /** The private key and its public key; {@code source} names the property in error messages. */
    public static KeyPair read(String pem, String source) {
        String text = pem.replace("\\n", "\n").strip();
        Matcher block = PEM.matcher(text);
        if (!block.find()) {
            throw new IllegalStateException(source + " is not a PEM private key: expected a block "
                    + "'-----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----'");
        }
        String type = block.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2).replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": the PEM block is not valid base64", e);
        }
        PrivateKey privateKey = switch (type) {
            case "PRIVATE KEY" -> pkcs8(der, source);
            case "RSA PRIVATE KEY" -> pkcs8(pkcs1ToPkcs8(der), source);
            case "ENCRYPTED PRIVATE KEY" -> throw new IllegalStateException(source + " is an encrypted private key; "
                    + "Keyturn needs it unencrypted (openssl pkcs8 -topk8 -nocrypt), protected by file permissions");
            case "EC PRIVATE KEY" -> throw new IllegalStateException(source + " is a SEC1 'EC PRIVATE KEY'; convert "
                    + "it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
            default -> throw new IllegalStateException(source + " is a PEM '" + type + "' block; Keyturn needs a "
                    + "private key ('BEGIN PRIVATE KEY', PKCS#8)");
        };
        try {
            KeyPair pair = new KeyPair(publicKeyOf(privateKey, source), privateKey);
            checkPair(pair, source);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + ": cannot derive the public key from the private key ("
                    + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey pkcs8(byte[] der, String source) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException notThisOne) {
                // try the next key type
            }
        }
        throw new IllegalStateException(source + " is not a readable PKCS#8 RSA, EC or Ed25519 private key");
    }

    private static PublicKey publicKeyOf(PrivateKey key, String source) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(),
                    rsa.getPublicExponent()));
        }
        if (key instanceof ECPrivateKey ec) {
            return ecPublicKey(ec);
        }
        if (key instanceof EdECPrivateKey ed) {
            return edPublicKey(ed);
        }
        throw new IllegalStateException(source + " is a " + key.getAlgorithm() + " private key without the parts "
                + "its public key is derived from");
    }

    private static PublicKey ecPublicKey(ECPrivateKey key) throws GeneralSecurityException {
        ECParameterSpec params = key.getParams();
        KeyFactory factory = KeyFactory.getInstance("EC");
        PublicKey generator = factory.generatePublic(new ECPublicKeySpec(params.getGenerator(), params));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(key);
        agreement.doPhase(generator, true);
        BigInteger x = new BigInteger(1, agreement.generateSecret());
        if (!(params.getCurve().getField() instanceof java.security.spec.ECFieldFp field)) {
            throw new GeneralSecurityException("only curves over prime fields are supported");
        }
        BigInteger p = field.getP();
        BigInteger rhs = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        if (!p.testBit(0) || !p.testBit(1)) {
            throw new GeneralSecurityException("only curves with p = 3 (mod 4) are supported");
        }
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        if (!y.modPow(BigInteger.TWO, p).equals(rhs)) {
            throw new GeneralSecurityException("the private key is not on its curve");
        }
        for (BigInteger candidate : List.of(y, p.subtract(y))) {
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, candidate), params));
            if (signs(new KeyPair(publicKey, key))) {
                return publicKey;
            }
        }
        throw new GeneralSecurityException("no public key verifies the private key's signature");
    }

    private static PublicKey edPublicKey(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("the key hides its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(key.getParams().getName());
        generator.initialize(new NamedParameterSpec(key.getParams().getName()), new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        KeyPair pair = generator.generateKeyPair();
        byte[] regenerated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
        if (!java.util.Arrays.equals(seed, regenerated)) {
            throw new GeneralSecurityException("the JDK did not reproduce the Ed25519 key");
        }
        return pair.getPublic();
    }

    private static void checkPair(KeyPair pair, String source) throws GeneralSecurityException {
        if (!signs(pair)) {
            throw new IllegalStateException(source + ": the derived public key does not verify the private key's "
                    + "signature");
        }
    }

    private static boolean signs(KeyPair pair) throws GeneralSecurityException {
        String algorithm = switch (pair.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> pair.getPrivate().getAlgorithm(); // Ed25519, Ed448, EdDSA
        };
        byte[] message = "keyturn key check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as OCTET STRING. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_ID);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
