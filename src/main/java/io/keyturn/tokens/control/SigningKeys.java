package io.keyturn.tokens.control;

import io.keyturn.database.DatabaseUnavailable;
import io.keyturn.tokens.entity.AccessTokenSettings;
import io.keyturn.tokens.entity.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The key that signs access tokens and the keys that verify them. Loaded at start-up, so a bad key stops the
 * deployment with a clear message instead of failing the first login; requests read them from memory.
 * <p>
 * The signing key is, in this order: the HMAC secret {@code keyturn.signing.secret} (HS256 only); a PEM private
 * key supplied as {@code keyturn.signing.key} or in the file {@code keyturn.signing.key-file}; or keys generated
 * and kept in the database, so tokens survive a restart and every instance sharing the database signs and verifies
 * alike. Generated keys are re-read every {@code keyturn.signing.key-reload-seconds}: a key older than
 * {@code keyturn.signing.key-max-age-seconds} gets a successor, which every instance publishes in its JWKS at its
 * next reload and which signs only once it has been published for {@code keyturn.signing.key-publish-seconds}
 * ({@link KeySchedule}). Retired keys keep verifying, and stay in the JWKS, until every token they signed has expired.
 */
@Singleton
@Startup
@DependsOn("StartupChecks") // settings are checked, and a refusal logged in one line, before they are used
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the ring is swapped whole: no lock on the hot path
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeys {

    static final String SECRET = SigningSettings.SECRET;
    static final String KEY = SigningSettings.KEY;
    static final String KEY_FILE = SigningSettings.KEY_FILE;

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    SigningSettings signing;

    @Inject
    AccessTokenSettings accessTokens;

    @Inject
    SigningKeyStore store;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    private volatile KeyRing ring;

    @PostConstruct
    void load() {
        SigningAlgorithm configured = signing.algorithm();
        Optional<String> secret = signing.secret();
        Optional<String> pem = suppliedPem();
        if (secret.isPresent() && pem.isPresent()) {
            throw new IllegalStateException(SECRET + " and " + (signing.key().isPresent() ? KEY : KEY_FILE)
                    + " are both set; set one: the secret for HS256, the private key for RS256, ES256 or EdDSA");
        }
        if (secret.isPresent()) {
            use(configured, configuredSecret(configured, secret.get()));
        } else if (pem.isPresent()) {
            use(configured, suppliedKey(configured, pem.get()));
        } else {
            ring = storedOrGenerated(configured, schedule());
            if (timers != null) { // null only in unit tests, which call reload() themselves
                long interval = signing.keyReload().toMillis();
                timers.createIntervalTimer(interval, interval, new TimerConfig("keyturn-signing-keys", false));
            }
        }
        LOG.info(() -> "Access tokens are signed with " + ring.algorithm().jwsName() + ", key id "
                + ring.signingKeyId() + "; " + ring.verifying().size() + " key(s) verify them");
    }

    /** Picks up keys another instance generated and rotates a key that is due; a failure keeps the current ring. */
    @Timeout
    void reload() {
        KeyRing before = ring;
        try {
            KeyRing after = storedOrGenerated(before.algorithm(), schedule());
            if (after.sameKeysAs(before)) {
                return; // the ring's identity tells the verified-token cache that nothing changed
            }
            ring = after;
            if (!after.signingKeyId().equals(before.signingKeyId())) {
                LOG.info(() -> "Access tokens are now signed with key " + after.signingKeyId() + " (was "
                        + before.signingKeyId() + ")");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the keys in memory stay valid, the next reload tries again
            if (DatabaseUnavailable.causedBy(e)) {
                // an outage: one line per reload, not a stack trace a minute
                LOG.log(Level.WARNING, "Reloading the signing keys failed, the database is unreachable ({0}); keeping"
                        + " the current ones", e.toString());
            } else {
                LOG.log(Level.WARNING, "Reloading the signing keys failed; keeping the current ones", e);
            }
        }
    }

    /** One key that signs and is the only one that verifies. */
    void use(SigningAlgorithm algorithm, JsonWebKey key) {
        ring = KeyRing.of(algorithm, key, List.of(key));
    }

    private KeySchedule schedule() {
        return new KeySchedule(signing.keyMaxAge(), signing.keyPublish(), signing.keyReload(),
                accessTokens.ttl().plusSeconds(AccessTokenValidator.CLOCK_SKEW_SECONDS));
    }

    private Optional<String> suppliedPem() {
        Optional<String> value = signing.key();
        Optional<String> file = signing.keyFile();
        if (value.isPresent() && file.isPresent()) {
            throw new IllegalStateException(KEY + " and " + KEY_FILE + " are both set; set one of them");
        }
        return value.or(() -> file.map(SigningKeys::readKeyFile));
    }

    /**
     * {@link SigningSettings} has refused a value that looks like PEM text, so the path may be named. The exception is
     * named by its kind only and not kept as the cause: its message repeats the value, and a message or cause of a
     * failed deployment is logged several times over.
     */
    private static String readKeyFile(String path) {
        try {
            Path file = Path.of(path);
            if (Files.isDirectory(file)) { // e.g. a mounted secret volume: the key is a file inside it
                throw new IllegalStateException(KEY_FILE + "=" + path + " is a directory; name the PEM file in it");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new IllegalStateException(KEY_FILE + "=" + path + " cannot be read: " + why(e));
        }
    }

    private static String why(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason(); // e.g. "File name too long"; without the path, unlike getMessage()
        }
        if (e instanceof CharacterCodingException) {
            return "not ASCII text, so not a PEM file";
        }
        return e.getClass().getSimpleName();
    }

    private JsonWebKey suppliedKey(SigningAlgorithm algorithm, String pem) {
        String source = signing.key().isPresent() ? KEY : KEY_FILE + " (" + signing.keyFile().orElse("") + ")";
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

    private JsonWebKey configuredSecret(SigningAlgorithm algorithm, String secret) {
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
     * The ring the stored keys make now, after storing a new key first if one is due. If another instance fills
     * that slot first, its key is used instead, so all instances agree.
     */
    private KeyRing storedOrGenerated(SigningAlgorithm algorithm, KeySchedule schedule) {
        Instant now = clock.instant();
        List<SigningKey> stored = store.newestFirst(algorithm);
        if (schedule.rotationDue(stored, now)) {
            int next = stored.isEmpty() ? 1 : stored.get(0).sequenceNo() + 1;
            JsonWebKey generated = algorithm.generate();
            String json = generated.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            SigningKey row = new SigningKey(generated.getKeyId(), algorithm.jwsName(), next, json, now);
            stored = FirstWriteWins.insertThenRead(algorithm.jwsName() + " signing key number " + next, () -> {
                store.add(row);
                LOG.info(() -> "Generated " + algorithm.jwsName() + " signing key number " + next + " ("
                        + generated.getKeyId() + ") and stored it");
            }, () -> Optional.of(store.newestFirst(algorithm))
                    .filter(keys -> !keys.isEmpty() && keys.get(0).sequenceNo() >= next));
        }
        List<JsonWebKey> verifying = schedule.verifying(stored, now).stream().map(k -> parse(algorithm, k)).toList();
        JsonWebKey signer = verifying.get(schedule.signer(stored, now));
        return KeyRing.of(algorithm, signer, verifying);
    }

    private static JsonWebKey parse(SigningAlgorithm algorithm, SigningKey stored) {
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

    /** Fixed at start-up: a change of algorithm takes a restart. */
    public SigningAlgorithm algorithm() {
        return ring.algorithm();
    }

    /** The keys in force now; read it once per token so the signing key and its id belong together. */
    public KeyRing ring() {
        return ring;
    }

    /** The RFC 7517 key set other services verify with: public keys only, {"keys":[]} for HMAC. */
    public String publicJwks() {
        return ring.publicJwks();
    }
}
