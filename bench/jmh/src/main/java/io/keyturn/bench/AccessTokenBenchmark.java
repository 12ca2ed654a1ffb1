package io.keyturn.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing and verifying one Keyturn access token with jose4j, per algorithm. The claim set, header and consumer
 * settings mirror tokens.control.AccessTokenIssuer and AccessTokenValidator; verification includes the claim checks
 * (iss, aud, exp, iat, typ), as in the product.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class AccessTokenBenchmark {

    @Param({"HS256", "RS256", "ES256", "EdDSA"})
    public String algorithm;

    private JsonWebKey key;
    private String jwsAlgorithm;
    private String token;
    private JwtConsumer consumer;

    @Setup
    public void setUp() throws Exception {
        switch (algorithm) {
            case "HS256" -> {
                key = OctJwkGenerator.generateJwk(256);
                jwsAlgorithm = AlgorithmIdentifiers.HMAC_SHA256;
            }
            case "RS256" -> {
                key = RsaJwkGenerator.generateJwk(2048);
                jwsAlgorithm = AlgorithmIdentifiers.RSA_USING_SHA256;
            }
            case "ES256" -> {
                key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
                jwsAlgorithm = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
            }
            case "EdDSA" -> {
                key = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
                jwsAlgorithm = AlgorithmIdentifiers.EDDSA;
            }
            default -> throw new IllegalArgumentException(algorithm);
        }
        key.setKeyId("bench");
        token = sign();
        consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, jwsAlgorithm))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(List.of(key)))
                .setExpectedType(true, "JWT")
                .setExpectedIssuer("keyturn")
                .setExpectedAudience("keyturn")
                .setRequireSubject()
                .setRequireJwtId()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    @Benchmark
    public String sign() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("keyturn");
        claims.setAudience("keyturn");
        claims.setSubject("0b4f7c52-6f1e-4c55-9a42-3d6c7a1e2f90");
        claims.setClaim("upn", "alice");
        claims.setClaim("preferred_username", "alice");
        claims.setClaim("email", "alice@example.com");
        claims.setStringListClaim("groups", List.of("user"));
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 900));
        claims.setJwtId("Zx3m9QeL0pWkTn2bA7dC4g");
        claims.setClaim("sid", "6a1d2b5e-0c3f-4e8a-9b7d-1f2e3a4b5c6d");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(jwsAlgorithm);
        jws.setKeyIdHeaderValue("bench");
        jws.setHeader("typ", "JWT");
        jws.setKey(key instanceof PublicJsonWebKey pair ? pair.getPrivateKey() : key.getKey());
        return jws.getCompactSerialization();
    }

    @Benchmark
    public JwtClaims verify() throws Exception {
        return consumer.processToClaims(token);
    }
}
