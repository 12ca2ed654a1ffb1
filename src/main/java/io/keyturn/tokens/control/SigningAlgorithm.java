package io.keyturn.tokens.control;

import java.util.Arrays;
import java.util.Locale;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** The JWS algorithms Keyturn signs with, each with the key it generates when none is configured. */
public enum SigningAlgorithm {

    HS256(AlgorithmIdentifiers.HMAC_SHA256, false),
    RS256(AlgorithmIdentifiers.RSA_USING_SHA256, true),
    ES256(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, true),
    EdDSA(AlgorithmIdentifiers.EDDSA, true);

    private static final int RSA_BITS = 2048;
    private static final int HMAC_BITS = 256;

    private final String jwsName;
    private final boolean asymmetric;

    SigningAlgorithm(String jwsName, boolean asymmetric) {
        this.jwsName = jwsName;
        this.asymmetric = asymmetric;
    }

    public static SigningAlgorithm named(String name) {
        return Arrays.stream(values())
                .filter(a -> a.jwsName.toUpperCase(Locale.ROOT).equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("keyturn.signing.algorithm must be one of HS256, "
                        + "RS256, ES256 or EdDSA, not '" + name + "'"));
    }

    public String jwsName() {
        return jwsName;
    }

    /** Only public keys are published in the JWKS; an HMAC key never leaves the server. */
    public boolean asymmetric() {
        return asymmetric;
    }

    public JsonWebKey generate() {
        try {
            JsonWebKey key = switch (this) {
                case HS256 -> OctJwkGenerator.generateJwk(HMAC_BITS);
                case RS256 -> RsaJwkGenerator.generateJwk(RSA_BITS);
                case ES256 -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
                case EdDSA -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
            };
            key.setAlgorithm(jwsName);
            key.setUse("sig");
            key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("This JVM cannot generate a " + jwsName + " key", e);
        }
    }
}
