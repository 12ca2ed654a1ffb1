package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.Issuer;
import io.keyturn.tokens.entity.VerifiedClaims;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies access tokens from memory only (the keys {@link SigningKeys} holds, and {@link VerifiedTokenCache}):
 * no database, no network. Only the configured
 * algorithm is accepted, which rules out {@code alg: none} and algorithm confusion. Every segment must be spelled
 * in canonical base64url ({@link CanonicalBase64Url}), so one token has exactly one accepted string.
 */
@ApplicationScoped
public class AccessTokenValidator {

    /** A real access token is well under 2 KB; anything far larger is refused before parsing. */
    public static final int MAX_TOKEN_LENGTH = 8192;
    /** Seconds a token is accepted past its {@code exp} (and before its {@code iat}): clocks of servers differ. */
    static final int CLOCK_SKEW_SECONDS = 30;

    @Inject
    Issuer issuer;

    @Inject
    AccessTokenSettings settings;

    @Inject
    SigningKeys keys;

    private JwtConsumer consumer;
    private VerifiedTokenCache verified;

    @PostConstruct
    void buildConsumer() {
        verified = new VerifiedTokenCache(settings.verifiedCacheSize());
        consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                        keys.algorithm().jwsName()))
                // the current ring's keys at each call: a reload may have added or retired some
                .setVerificationKeyResolver((jws, nesting) -> keys.ring().resolver().resolveKey(jws, nesting))
                .setExpectedType(true, "JWT")
                .setExpectedIssuer(issuer.value())
                .setExpectedAudience(settings.audience())
                .setRequireSubject()
                .setRequireJwtId()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(CLOCK_SKEW_SECONDS, (int) settings.ttl().toSeconds()
                        + CLOCK_SKEW_SECONDS)
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .build();
    }

    public VerifiedClaims validate(String token) throws InvalidTokenException {
        if (token.isEmpty()) {
            throw new InvalidTokenException("empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("too_long");
        }
        // before the cache: a re-spelled variant of a valid token must not reach verification or the cache at all
        if (!CanonicalBase64Url.isCanonicalCompact(token)) {
            throw new InvalidTokenException("not_canonical_base64url");
        }
        KeyRing ring = keys.ring();
        long now = System.currentTimeMillis() / 1000; // the clock jose4j checks exp against
        VerifiedClaims known = verified.get(token, ring, now);
        if (known != null) {
            return known;
        }
        VerifiedClaims claims = verify(token);
        verified.put(token, claims, ring, now);
        return claims;
    }

    private VerifiedClaims verify(String token) throws InvalidTokenException {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String sessionId = claims.getStringClaimValue("sid");
            String username = claims.getStringClaimValue("upn");
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            // a client-credentials token has no session: it names its client instead (AccessTokenIssuer)
            boolean clientToken = claims.getSubject() != null
                    && claims.getSubject().equals(claims.getStringClaimValue(AccessTokenIssuer.CLIENT_ID));
            if ((sessionId == null && !clientToken) || username == null) {
                throw new InvalidTokenException("without_sid_or_upn");
            }
            return new VerifiedClaims(claims.getSubject(), username, claims.getStringClaimValue("email"),
                    new LinkedHashSet<>(groups), sessionId, claims.getIssuedAt().getValue(),
                    claims.getExpirationTime().getValue());
        } catch (InvalidJwtException e) {
            // jose4j checks the signature before the claims: an expired token was signed by a key of ours
            throw new InvalidTokenException(e.hasExpired() ? InvalidTokenException.EXPIRED : "not_verified");
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("malformed_claim");
        }
    }
}
