package io.keyturn.tokens.control;

import io.keyturn.tokens.entity.AccessToken;
import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs access tokens with the claim set every MicroProfile JWT server accepts: {@code iss}, {@code aud},
 * {@code sub}, {@code upn}, {@code preferred_username}, {@code groups}, {@code iat}, {@code exp}, {@code jti},
 * plus Keyturn's {@code sid}. The OpenID Connect {@code email} claim only when {@link AccessTokenClaimOptions#email()}
 * asks for it: by default a token carries no personal data beyond the username.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    /** The claim that marks a client-credentials token (RFC 9068 §2.2). */
    public static final String CLIENT_ID = "client_id";

    @Inject
    Issuer issuer;

    @Inject
    AccessTokenSettings settings;

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    @Inject
    AccessTokenClaimOptions options;

    /**
     * A user's access token for one session. It expires after the configured lifetime, or when the session can no
     * longer be refreshed ({@code sessionUsableUntil}: its refresh token's end) if that comes first, so a token never
     * outlives the session it was issued for, though validation never asks the database.
     */
    public AccessToken issue(String userId, String username, String email, Set<String> roles, String sessionId,
            Instant sessionUsableUntil) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.value());
        claims.setAudience(settings.audience());
        claims.setSubject(userId);
        claims.setClaim("upn", username);
        claims.setClaim("preferred_username", username);
        if (options.email()) {
            claims.setClaim("email", email);
        }
        claims.setStringListClaim("groups", List.copyOf(roles));
        claims.setClaim("sid", sessionId);
        return signed(claims, sessionUsableUntil);
    }

    /**
     * A client-credentials token (OAuth {@code client_credentials}): the client acts for itself, so {@code sub},
     * {@code upn} and {@code preferred_username} are its client id, {@code client_id} says it is a client (RFC 9068)
     * and {@code groups} are its registered roles. There is no session and so no {@code sid}; the token lives until
     * its {@code exp}. Client roles are never Keyturn's own {@code user} or {@code admin}, so Keyturn's endpoints
     * accept the token as a caller but refuse it with 403.
     */
    public AccessToken issueForClient(String clientId, Set<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.value());
        claims.setAudience(settings.audience());
        claims.setSubject(clientId);
        claims.setClaim("upn", clientId);
        claims.setClaim("preferred_username", clientId);
        claims.setClaim(CLIENT_ID, clientId);
        claims.setStringListClaim("groups", List.copyOf(roles));
        return signed(claims, Instant.MAX);
    }

    private AccessToken signed(JwtClaims claims, Instant notAfter) {
        long now = clock.instant().getEpochSecond();
        // whole seconds, rounded up: the end of a session that is still usable now never makes a token already expired
        long untilEnd = Duration.between(Instant.ofEpochSecond(now), notAfter).plusNanos(999_999_999).getSeconds();
        long ttl = Math.max(1, Math.min(settings.ttl().toSeconds(), untilEnd));
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + ttl));
        claims.setJwtId(RandomTokens.newToken(16));

        KeyRing ring = keys.ring();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(ring.algorithm().jwsName());
        jws.setKeyIdHeaderValue(ring.signingKeyId());
        jws.setHeader("typ", "JWT");
        jws.setKey(ring.signingKey());
        try {
            return new AccessToken(jws.getCompactSerialization(), ttl);
        } catch (JoseException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
    }
}
