package io.keyturn.configuration;

import io.keyturn.tokens.entity.Issuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of Keyturn, read through MicroProfile Config, so each one can also come from a system property or
 * the environment ({@code keyturn.refresh-token.grace-seconds} is {@code KEYTURN_REFRESH_TOKEN_GRACE_SECONDS}).
 * The database settings are read by {@link io.keyturn.database.ConfiguredDataSource}, which the container creates
 * outside CDI; the lifetimes of sessions and refresh tokens by
 * {@link io.keyturn.sessions.control.RefreshPolicyProducer}, which checks them together at start-up.
 */
@ApplicationScoped
public class Settings {

    @Inject
    Issuer issuer; // read and checked by io.keyturn.tokens.control.IssuerSetting

    @Inject
    @ConfigProperty(name = "keyturn.audience", defaultValue = "keyturn")
    String audience;

    @Inject
    @ConfigProperty(name = "keyturn.access-token.ttl-seconds", defaultValue = "900")
    long accessTokenTtlSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.cookie.secure", defaultValue = "true")
    boolean cookieSecure;

    @Inject
    @ConfigProperty(name = "keyturn.signing.algorithm", defaultValue = "RS256")
    String signingAlgorithm;

    @Inject
    @ConfigProperty(name = "keyturn.signing.secret")
    Optional<String> signingSecret;

    @Inject
    @ConfigProperty(name = "keyturn.signing.key")
    Optional<String> signingKey;

    @Inject
    @ConfigProperty(name = "keyturn.signing.key-file")
    Optional<String> signingKeyFile;

    @Inject
    @ConfigProperty(name = "keyturn.signing.key-max-age-seconds", defaultValue = "7776000")
    long signingKeyMaxAgeSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.signing.key-publish-seconds", defaultValue = "360")
    long signingKeyPublishSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.signing.key-reload-seconds", defaultValue = "60")
    long signingKeyReloadSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.admin.username")
    Optional<String> adminUsername;

    @Inject
    @ConfigProperty(name = "keyturn.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "keyturn.password.argon2.memory-kib", defaultValue = "19456")
    int argon2MemoryKib;

    @Inject
    @ConfigProperty(name = "keyturn.password.argon2.iterations", defaultValue = "2")
    int argon2Iterations;

    @Inject
    @ConfigProperty(name = "keyturn.password.argon2.parallelism", defaultValue = "1")
    int argon2Parallelism;

    @Inject
    @ConfigProperty(name = "keyturn.housekeeping.batch-size", defaultValue = "500")
    int housekeepingBatchSize;

    @Inject
    @ConfigProperty(name = "keyturn.housekeeping.revoked-retention-seconds", defaultValue = "604800")
    long revokedRetentionSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.housekeeping.interval-seconds", defaultValue = "300")
    long housekeepingIntervalSeconds;

    @Inject
    @ConfigProperty(name = "keyturn.client-address.trusted-proxies")
    Optional<String[]> trustedProxies; // an array: Payara cannot inject Optional<List<String>>

    @Inject
    @ConfigProperty(name = "keyturn.cors.allowed-origins")
    Optional<String[]> corsAllowedOrigins;

    @Inject
    @ConfigProperty(name = "keyturn.request.max-body-bytes", defaultValue = "16384")
    int maxRequestBodyBytes;

    @Inject
    @ConfigProperty(name = "keyturn.access-token.strict", defaultValue = "false")
    boolean accessTokenStrict;

    @Inject
    @ConfigProperty(name = "keyturn.access-token.verified-cache-size", defaultValue = "4096")
    int accessTokenVerifiedCacheSize;

    @Inject
    @ConfigProperty(name = "keyturn.access-token.strict-cache-seconds", defaultValue = "10")
    long accessTokenStrictCacheSeconds;

    public String issuer() {
        return issuer.value();
    }

    public String audience() {
        return audience;
    }

    public Duration accessTokenTtl() {
        return Duration.ofSeconds(accessTokenTtlSeconds);
    }

    public boolean cookieSecure() {
        return cookieSecure;
    }

    public String signingAlgorithm() {
        return signingAlgorithm;
    }

    public Optional<String> signingSecret() {
        return signingSecret;
    }

    /** A PEM private key given as the value of {@code keyturn.signing.key}. */
    public Optional<String> signingKey() {
        return signingKey;
    }

    /** The path of a PEM private key file, {@code keyturn.signing.key-file}. */
    public Optional<String> signingKeyFile() {
        return signingKeyFile;
    }

    /** A generated signing key older than this gets a successor (checked at start-up and at every reload). */
    public Duration signingKeyMaxAge() {
        return Duration.ofSeconds(signingKeyMaxAgeSeconds);
    }

    /**
     * How long a new generated key is in the JWKS before it signs, so verifiers that cache the JWKS (for its
     * max-age) already know it; at least the JWKS max-age plus the reload interval.
     */
    public Duration signingKeyPublish() {
        return Duration.ofSeconds(signingKeyPublishSeconds);
    }

    /** How often each instance re-reads the generated keys (and rotates one that is due). */
    public Duration signingKeyReload() {
        return Duration.ofSeconds(signingKeyReloadSeconds);
    }

    public Optional<String> adminUsername() {
        return adminUsername;
    }

    public Optional<String> adminPassword() {
        return adminPassword;
    }

    public int argon2MemoryKib() {
        return argon2MemoryKib;
    }

    public int argon2Iterations() {
        return argon2Iterations;
    }

    public int argon2Parallelism() {
        return argon2Parallelism;
    }

    public int housekeepingBatchSize() {
        return housekeepingBatchSize;
    }

    public Duration housekeepingInterval() {
        return Duration.ofSeconds(housekeepingIntervalSeconds);
    }

    /** Proxies whose X-Forwarded-For is believed; "*" believes any (only behind a proxy that always sets it). */
    public List<String> trustedProxies() {
        return trustedProxies.map(List::of).orElse(List.of());
    }

    /** Origins allowed to call Keyturn from a browser (CORS); none by default. */
    public List<String> corsAllowedOrigins() {
        return corsAllowedOrigins.map(List::of).orElse(List.of());
    }

    /** Larger request bodies are refused with 413 before they are read. */
    public int maxRequestBodyBytes() {
        return maxRequestBodyBytes;
    }

    /** Strict mode: refuse access tokens of disabled users or issued before the user's last revocation. */
    public boolean accessTokenStrict() {
        return accessTokenStrict;
    }

    /** How many verified access tokens each instance remembers, so repeated calls skip the signature; 0: none. */
    public int accessTokenVerifiedCacheSize() {
        return accessTokenVerifiedCacheSize;
    }

    /** How stale strict mode's per-user view may be: the longest delay before a revocation takes effect. */
    public Duration accessTokenStrictCache() {
        return Duration.ofSeconds(accessTokenStrictCacheSeconds);
    }

    public Duration revokedRetention() {
        return Duration.ofSeconds(revokedRetentionSeconds);
    }
}
