package io.keyturn.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.tokens.entity.VerifiedClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Test;

/** The cache of verified access tokens, alone and inside the real {@link AccessTokenValidator}. */
class VerifiedTokenCacheTest {

    private static final long NOW = 1_800_000_000L;
    private final KeyRing ring = ring();

    private static KeyRing ring() {
        JsonWebKey key = SigningAlgorithm.RS256.generate();
        return KeyRing.of(SigningAlgorithm.RS256, key, List.of(key));
    }

    private static VerifiedClaims claims(long expiresAt) {
        return new VerifiedClaims("u1", "alice", "alice@example.com", Set.of("user"), "s1", expiresAt - 900, expiresAt);
    }

    @Test
    void returnsTheClaimsOfTheExactTokenOnly() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        VerifiedClaims claims = claims(NOW + 60);
        cache.put("header.payload.signature", claims, ring, NOW);
        assertSame(claims, cache.get("header.payload.signature", ring, NOW));
        assertNull(cache.get("header.payload.signaturf", ring, NOW));
        assertNull(cache.get("header.payload.signature ", ring, NOW));
    }

    @Test
    void forgetsATokenAtItsExpiry() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("t", claims(NOW + 60), ring, NOW);
        assertNull(cache.get("t", ring, NOW + 60));
        assertEquals(0, cache.size());
    }

    @Test
    void forgetsEverythingWhenTheKeyRingChanges() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("t", claims(NOW + 60), ring, NOW);
        assertNull(cache.get("t", ring(), NOW));
    }

    @Test
    void staysWithinItsCapacityDroppingExpiredEntriesFirst() {
        VerifiedTokenCache cache = new VerifiedTokenCache(3);
        cache.put("old", claims(NOW + 1), ring, NOW);
        cache.put("a", claims(NOW + 600), ring, NOW);
        cache.put("b", claims(NOW + 600), ring, NOW);
        cache.put("c", claims(NOW + 600), ring, NOW + 5); // full: "old" has expired and goes
        assertEquals(3, cache.size());
        assertSame(cache.get("a", ring, NOW + 5), cache.get("a", ring, NOW + 5));
        cache.put("d", claims(NOW + 600), ring, NOW + 5); // full of live entries: all go, then "d"
        assertEquals(1, cache.size());
        assertNull(cache.get("a", ring, NOW + 5));
    }

    @Test
    void capacityZeroCachesNothing() {
        VerifiedTokenCache cache = new VerifiedTokenCache(0);
        cache.put("t", claims(NOW + 60), ring, NOW);
        assertNull(cache.get("t", ring, NOW));
    }

    @Test
    void theValidatorVerifiesAGivenTokenOnceAndStillRefusesAnyAlteredCopy() throws Exception {
        AccessTokenTest.TokenConfig settings = new AccessTokenTest.TokenConfig(new Issuer(Issuer.DEFAULT),
                AccessTokenSettings.of("keyturn", 900, 100));
        SigningKeys keys = AccessTokenTest.keys(SigningAlgorithm.RS256, SigningAlgorithm.RS256.generate());
        AccessTokenValidator validator = AccessTokenTest.validator(settings, keys);
        String token = AccessTokenTest.issuer(settings, keys, Clock.systemUTC())
                .issue("u1", "alice", "alice@example.com", Set.of("user"), "s1", Instant.MAX).compact();

        VerifiedClaims first = validator.validate(token);
        assertSame(first, validator.validate(token), "the second call is answered from the cache");
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (parts[2].endsWith("AA") ? "BB" : "AA");
        assertThrows(InvalidTokenException.class, () -> validator.validate(otherSignature));

        keys.use(SigningAlgorithm.RS256, SigningAlgorithm.RS256.generate()); // the token's key leaves the ring
        assertThrows(InvalidTokenException.class, () -> validator.validate(token),
                "a new ring verifies again, and the old key is gone");
    }
}
