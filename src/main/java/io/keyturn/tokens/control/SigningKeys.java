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
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The key that signs access tokens and the keys that verify them. Loaded at start-up, so a bad key stops the
 * deployment with a clear message instead of failing the first login; afterwards only read, from memory.
 * <p>
 * With no secret configured the key is generated once and kept in the database: tokens survive a restart and every
 * instance sharing the database signs and verifies alike.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // immutable after start-up: no lock on the hot path
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final int MIN_HMAC_SECRET_BYTES = 32;

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
        algorithm = SigningAlgorithm.named(settings.signingAlgorithm());
        use(algorithm, settings.signingSecret().map(this::configuredSecret).orElseGet(this::storedOrGenerated));
        LOG.info(() -> "Access tokens are signed with " + algorithm.jwsName() + ", key id " + signingKey.getKeyId());
    }

    void use(SigningAlgorithm algorithm, JsonWebKey key) {
        this.algorithm = algorithm;
        this.signingKey = key;
        this.verificationKeys = List.of(key);
        this.publicJwks = publicJwksOf(verificationKeys);
    }

    private JsonWebKey configuredSecret(String secret) {
        if (algorithm != SigningAlgorithm.HS256) {
            throw new IllegalStateException("keyturn.signing.secret is an HMAC secret; it needs "
                    + "keyturn.signing.algorithm=HS256, not " + algorithm.jwsName());
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_HMAC_SECRET_BYTES) {
            throw new IllegalStateException("keyturn.signing.secret is " + bytes.length + " bytes; HS256 needs at "
                    + "least " + MIN_HMAC_SECRET_BYTES + " random bytes (RFC 7518, section 3.2)");
        }
        OctetSequenceJsonWebKey key = new OctetSequenceJsonWebKey(new javax.crypto.spec.SecretKeySpec(bytes,
                "HmacSHA256"));
        key.setAlgorithm(algorithm.jwsName());
        key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        return key;
    }

    private JsonWebKey storedOrGenerated() {
        return store.newest(algorithm).map(SigningKeys::parse).orElseGet(() -> {
            JsonWebKey generated = algorithm.generate();
            String json = generated.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            try {
                store.add(new SigningKey(generated.getKeyId(), algorithm.jwsName(), 1, json, clock.instant()));
                LOG.info(() -> "Generated a new " + algorithm.jwsName() + " signing key and stored it");
                return generated;
            } catch (RuntimeException lostRace) {
                // another instance stored its key first; use that one so all instances agree
                return store.newest(algorithm).map(SigningKeys::parse).orElseThrow(() -> lostRace);
            }
        });
    }

    private static JsonWebKey parse(SigningKey stored) {
        try {
            return JsonWebKey.Factory.newJwk(stored.jwk());
        } catch (JoseException e) {
            throw new IllegalStateException("The stored signing key " + stored.kid() + " is unreadable", e);
        }
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
