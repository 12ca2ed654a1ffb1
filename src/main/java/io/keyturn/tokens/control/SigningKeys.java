package io.keyturn.tokens.control;

import io.keyturn.configuration.Settings;
import io.keyturn.tokens.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The key that signs access tokens and the keys that verify them. Loaded at start-up, so a bad key stops the
 * deployment with a clear message instead of failing the first login; afterwards only read, from memory.
 * <p>
 * The signing key is, in this order: the HMAC secret {@code keyturn.signing.secret} (HS256 only); a PEM private
 * key supplied as {@code keyturn.signing.key} or in the file {@code keyturn.signing.key-file}; or a key generated
 * once and kept in the database, so tokens survive a restart and every instance sharing the database signs and
 * verifies alike. A generated key older than {@code keyturn.signing.key-max-age-seconds} is replaced at start-up by
 * a new one (the next sequence number); the older keys keep verifying, and stay in the JWKS, until every token
 * they signed has expired.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start-up: no lock on the hot path
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

    static final String SECRET = "keyturn.signing.secret";
    static final String KEY = "keyturn.signing.key";
    static final String KEY_FILE = "keyturn.signing.key-file";

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    Settings settings;

    @Inject
    SigningKeyStore store;

    @Inject
    Clock clock;

    private SigningAlgorithm algorithm;
    private JsonWebKey signingKey;
    private List<JsonWebKey> verificationKeys;
    private String publicJwks;

    @PostConstruct
    void load() {
        SigningAlgorithm configured = SigningAlgorithm.named(settings.signingAlgorithm());
        this.algorithm = configured;
        Optional<String> secret = settings.signingSecret().filter(s -> !s.isBlank());
        Optional<String> pem = suppliedPem();
        if (secret.isPresent() && pem.isPresent()) {
            throw new IllegalStateException(SECRET + " and " + (settings.signingKey().isPresent() ? KEY : KEY_FILE)
                    + " are both set; set one: the secret for HS256, the private key for RS256, ES256 or EdDSA");
        }
        if (secret.isPresent()) {
            use(configured, configuredSecret(secret.get()));
        } else if (pem.isPresent()) {
            use(configured, suppliedKey(pem.get()));
        } else {
            storedOrGenerated();
        }
        LOG.info(() -> "Access tokens are signed with " + algorithm.jwsName() + ", key id " + signingKey.getKeyId()
                + "; " + verificationKeys.size() + " key(s) verify them");
    }

    /** One key that signs and is the only one that verifies. */
    void use(SigningAlgorithm algorithm, JsonWebKey key) {
        use(algorithm, key, List.of(key));
    }

    /** The key that signs, and every key that verifies (the signing key among them). */
    void use(SigningAlgorithm algorithm, JsonWebKey key, List<JsonWebKey> verifying) {
        List<JsonWebKey> all = new ArrayList<>(List.of(key));
        verifying.stream().filter(k -> !k.getKeyId().equals(key.getKeyId())).forEach(all::add);
        this.algorithm = algorithm;
        this.signingKey = key;
        this.verificationKeys = List.copyOf(all);
        this.publicJwks = publicJwksOf(verificationKeys);
    }

    private Optional<String> suppliedPem() {
        Optional<String> value = settings.signingKey().filter(s -> !s.isBlank());
        Optional<String> file = settings.signingKeyFile().filter(s -> !s.isBlank());
        if (value.isPresent() && file.isPresent()) {
            throw new IllegalStateException(KEY + " and " + KEY_FILE + " are both set; set one of them");
        }
        return value.or(() -> file.map(SigningKeys::readKeyFile));
    }

    private static String readKeyFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(KEY_FILE + "=" + path + " cannot be read: " + e, e);
        }
    }

    private JsonWebKey suppliedKey(String pem) {
        String source = settings.signingKey().filter(s -> !s.isBlank()).isPresent() ? KEY
                : KEY_FILE + " (" + settings.signingKeyFile().orElse("") + ")";
        if (algorithm == SigningAlgorithm.HS256) {
            throw new IllegalStateException(source + " is set, but keyturn.signing.algorithm=HS256 signs with the "
                    + "HMAC secret " + SECRET + "; choose RS256, ES256 or EdDSA for a private key");
        }
        KeyPair pair = PemKeys.read(pem, source);
        KeyPolicy.check(algorithm, pair.getPrivate(), source);
        try {
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            key.setPrivateKey(pair.getPrivate());
            key.setAlgorithm(algorithm.jwsName());
            key.setUse("sig");
            key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(source + " cannot be used as a JSON Web Key: " + e.getMessage(), e);
        }
    }

    private JsonWebKey configuredSecret(String secret) {
        if (algorithm != SigningAlgorithm.HS256) {
            throw new IllegalStateException(SECRET + " is an HMAC secret; it needs "
                    + "keyturn.signing.algorithm=HS256, not " + algorithm.jwsName());
        }
        OctetSequenceJsonWebKey key = new OctetSequenceJsonWebKey(new SecretKeySpec(
                KeyPolicy.checkHmacSecret(secret, SECRET), "HmacSHA256"));
        key.setAlgorithm(algorithm.jwsName());
        key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        return key;
    }

    /**
     * The newest stored key signs, unless it is older than the maximum age (or there is none): then a new key is
     * generated in the next slot. If another instance fills that slot first, its key is used, so all agree.
     */
    private void storedOrGenerated() {
        Instant now = clock.instant();
        Duration maxAge = settings.signingKeyMaxAge();
        List<SigningKey> stored = store.newestFirst(algorithm);
        if (stored.isEmpty() || !stored.get(0).createdAt().plus(maxAge).isAfter(now)) {
            int next = stored.isEmpty() ? 1 : stored.get(0).sequenceNo() + 1;
            JsonWebKey generated = algorithm.generate();
            String json = generated.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            SigningKey row = new SigningKey(generated.getKeyId(), algorithm.jwsName(), next, json, now);
            try {
                store.add(row);
                LOG.info(() -> "Generated " + algorithm.jwsName() + " signing key number " + next + " ("
                        + generated.getKeyId() + ") and stored it");
                List<SigningKey> withNew = new ArrayList<>(List.of(row));
                withNew.addAll(stored);
                stored = withNew;
            } catch (RuntimeException lostRace) {
                // another instance stored its key in this slot first: use that one, so all instances agree
                stored = store.newestFirst(algorithm);
                if (stored.isEmpty() || stored.get(0).sequenceNo() < next) {
                    throw lostRace;
                }
                LOG.info(() -> "Another instance stored " + algorithm.jwsName() + " signing key number " + next);
            }
        }
        List<JsonWebKey> verifying = new ArrayList<>();
        Duration ttl = settings.accessTokenTtl();
        for (int i = 0; i < stored.size(); i++) {
            SigningKey key = stored.get(i);
            boolean newest = i == 0;
            boolean young = key.createdAt().plus(maxAge).plus(ttl).isAfter(now);
            // a key retired less than one token lifetime ago may still have signed tokens that are alive
            boolean recentlyRetired = i > 0 && stored.get(i - 1).createdAt().plus(ttl).isAfter(now);
            if (newest || young || recentlyRetired) {
                verifying.add(parse(key));
            }
        }
        use(algorithm, verifying.get(0), verifying);
    }

    private JsonWebKey parse(SigningKey stored) {
        JsonWebKey key;
        try {
            key = JsonWebKey.Factory.newJwk(stored.jwk());
        } catch (JoseException e) {
            throw new IllegalStateException("The stored signing key " + stored.kid() + " is unreadable", e);
        }
        if (key instanceof PublicJsonWebKey asymmetric) {
            KeyPolicy.check(algorithm, asymmetric.getPublicKey(), "The stored signing key " + stored.kid());
        }
        return key;
    }

    private static String publicJwksOf(List<JsonWebKey> keys) {
        JsonWebKeySet set = new JsonWebKeySet();
        keys.stream().filter(PublicJsonWebKey.class::isInstance).forEach(set::addJsonWebKey);
        return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    public String signingKeyId() {
        return signingKey.getKeyId();
    }

    public Key signingKey() {
        return signingKey instanceof PublicJsonWebKey asymmetric ? asymmetric.getPrivateKey() : signingKey.getKey();
    }

    public List<JsonWebKey> verificationKeys() {
        return verificationKeys;
    }

    /** The RFC 7517 key set other services verify with: public keys only, {"keys":[]} for HMAC. */
    public String publicJwks() {
        return publicJwks;
    }
}
