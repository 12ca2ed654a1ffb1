package io.keyturn.tokens.control;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import org.jose4j.keys.EllipticCurves;

/**
 * What start-up refuses: a key that does not fit the configured algorithm, or one too weak to sign access tokens.
 * Every refusal is an {@link IllegalStateException} whose message names the property the key came from, so a bad
 * configuration stops the deployment with a message the operator can act on.
 */
public final class KeyPolicy {

    public static final int MIN_RSA_BITS = 2048;
    public static final int MIN_HMAC_SECRET_BYTES = 32;

    private KeyPolicy() {
    }

    /** Checks a private (or public) key against the algorithm; {@code source} names where it came from. */
    public static void check(SigningAlgorithm algorithm, Key key, String source) {
        switch (algorithm) {
            case HS256 -> throw new IllegalStateException(source + " is an asymmetric private key, but "
                    + "keyturn.signing.algorithm=HS256 signs with the HMAC secret keyturn.signing.secret; choose "
                    + "RS256, ES256 or EdDSA for a private key");
            case RS256 -> {
                if (!(key instanceof RSAKey rsa)) {
                    throw wrongType(algorithm, key, source, "an RSA key");
                }
                int bits = rsa.getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw new IllegalStateException(source + " is an RSA key of " + bits + " bits; RS256 needs at "
                            + "least " + MIN_RSA_BITS + " bits");
                }
            }
            case ES256 -> {
                if (!(key instanceof ECKey ec)) {
                    throw wrongType(algorithm, key, source, "an EC key on the curve P-256");
                }
                String curve = curveName(ec.getParams());
                if (!EllipticCurves.P_256.equals(curve)
                        || ec.getParams().getOrder().compareTo(EllipticCurves.P256.getOrder()) != 0) {
                    throw new IllegalStateException(source + " is an EC key on the curve "
                            + (curve == null ? "(unknown)" : curve) + "; ES256 needs the curve P-256 (secp256r1)");
                }
            }
            case EdDSA -> {
                if (!(key instanceof EdECKey ed)) {
                    throw wrongType(algorithm, key, source, "an Ed25519 key");
                }
                if (!"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                    throw new IllegalStateException(source + " is an " + ed.getParams().getName()
                            + " key; Keyturn's EdDSA signs with Ed25519 only");
                }
            }
        }
    }

    /** The HS256 secret: at least 32 bytes (RFC 7518, section 3.2). */
    public static byte[] checkHmacSecret(String secret, String source) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_HMAC_SECRET_BYTES) {
            throw new IllegalStateException(source + " is " + bytes.length + " bytes; HS256 needs at least "
                    + MIN_HMAC_SECRET_BYTES + " random bytes (RFC 7518, section 3.2)");
        }
        return bytes;
    }

    private static String curveName(ECParameterSpec spec) {
        return EllipticCurves.getName(spec.getCurve());
    }

    private static IllegalStateException wrongType(SigningAlgorithm algorithm, Key key, String source,
            String needed) {
        return new IllegalStateException(source + " is " + describe(key) + ", but keyturn.signing.algorithm="
                + algorithm.jwsName() + " needs " + needed);
    }

    private static String describe(Key key) {
        if (key instanceof RSAKey) {
            return "an RSA key";
        }
        if (key instanceof ECKey) {
            return "an EC key";
        }
        if (key instanceof EdECKey ed) {
            return "an " + ed.getParams().getName() + " key";
        }
        return "a " + key.getAlgorithm() + " key";
    }
}
