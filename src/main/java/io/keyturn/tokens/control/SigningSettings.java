package io.keyturn.tokens.control;

import static io.keyturn.configuration.SettingRanges.atLeastSeconds;
import static io.keyturn.configuration.SettingRanges.atMostSeconds;

import io.keyturn.configuration.SettingRanges;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How access tokens are signed ({@code keyturn.signing.*}): the algorithm, an optional secret or private key, and
 * the schedule of generated keys. Immutable and checked when made, naming the property of a wrong value; whether a
 * secret or key fits the algorithm is {@link SigningKeys}' business, because only reading the key tells. Read by
 * {@link SigningSettingsProducer}.
 *
 * @param algorithm {@value #ALGORITHM}
 * @param secret    {@value #SECRET}: the HMAC secret, for HS256 only; empty when unset or blank
 * @param key       {@value #KEY}: a PEM private key as the value; empty when unset or blank
 * @param keyFile   {@value #KEY_FILE}: the path of a PEM private key; empty when unset or blank
 * @param keyMaxAge {@value #KEY_MAX_AGE_SECONDS}: a generated key older than this gets a successor
 * @param keyPublish {@value #KEY_PUBLISH_SECONDS}: how long a new generated key is in the JWKS before it signs, so
 *                   verifiers that cache the JWKS already know it
 * @param keyReload {@value #KEY_RELOAD_SECONDS}: how often each instance re-reads the generated keys
 */
public record SigningSettings(SigningAlgorithm algorithm, Optional<String> secret, Optional<String> key,
        Optional<String> keyFile, Duration keyMaxAge, Duration keyPublish, Duration keyReload) {

    public static final String ALGORITHM = "keyturn.signing.algorithm";
    public static final String SECRET = "keyturn.signing.secret";
    public static final String KEY = "keyturn.signing.key";
    public static final String KEY_FILE = "keyturn.signing.key-file";
    public static final String KEY_MAX_AGE_SECONDS = "keyturn.signing.key-max-age-seconds";
    public static final String KEY_PUBLISH_SECONDS = "keyturn.signing.key-publish-seconds";
    public static final String KEY_RELOAD_SECONDS = "keyturn.signing.key-reload-seconds";

    public SigningSettings {
        Objects.requireNonNull(algorithm, ALGORITHM);
        secret = nonBlank(secret);
        key = nonBlank(key);
        keyFile = nonBlank(keyFile);
        keyFile.ifPresent(SigningSettings::checkIsAPath);
        atLeastSeconds(1, keyMaxAge, KEY_MAX_AGE_SECONDS);
        atMostSeconds(SettingRanges.TEN_YEARS, keyMaxAge, KEY_MAX_AGE_SECONDS);
        atLeastSeconds(0, keyPublish, KEY_PUBLISH_SECONDS); // 0: a new key signs at once
        atMostSeconds(SettingRanges.THIRTY_DAYS, keyPublish, KEY_PUBLISH_SECONDS); // no verifier caches a JWKS longer
        atLeastSeconds(1, keyReload, KEY_RELOAD_SECONDS);
        atMostSeconds(SettingRanges.DAY, keyReload, KEY_RELOAD_SECONDS); // a timer interval, in milliseconds
        // that the maximum age exceeds the publish time matters only for generated keys: KeySchedule checks it
    }

    /**
     * From the configured text: {@code algorithm} by its JWS name in any case ({@link SigningAlgorithm#named});
     * {@code secret}, {@code key} and {@code keyFile} may be null.
     */
    public static SigningSettings of(String algorithm, String secret, String key, String keyFile,
            long keyMaxAgeSeconds, long keyPublishSeconds, long keyReloadSeconds) {
        return new SigningSettings(SigningAlgorithm.named(algorithm), Optional.ofNullable(secret),
                Optional.ofNullable(key), Optional.ofNullable(keyFile), Duration.ofSeconds(keyMaxAgeSeconds),
                Duration.ofSeconds(keyPublishSeconds), Duration.ofSeconds(keyReloadSeconds));
    }

    /** Without the secret and the key: a record's own toString would put them in any log that prints this. */
    @Override
    public String toString() {
        return "SigningSettings[algorithm=" + algorithm.jwsName() + ", secret=" + (secret.isPresent() ? "***" : "none")
                + ", key=" + (key.isPresent() ? "***" : "none") + ", keyFile=" + keyFile.orElse("none")
                + ", keyMaxAge=" + keyMaxAge + ", keyPublish=" + keyPublish + ", keyReload=" + keyReload + "]";
    }

    /**
     * Pasting the key itself into {@value #KEY_FILE} is an easy mistake, and every message about a path echoes the
     * path: refused here, before anything reads it, without a word of the value (PEM armour or a line break is in no
     * path a deployer would choose).
     */
    /** A hundred base64 characters in a row (no dot, dash or underscore): a key's body pasted without its PEM lines. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=]{100,}");

    private static void checkIsAPath(String keyFile) {
        if (keyFile.contains("-----BEGIN") || keyFile.contains("-----END") || keyFile.contains("\n")
                || keyFile.contains("\r") || keyFile.length() > 1024 || BASE64_RUN.matcher(keyFile).find()) {
            throw new IllegalArgumentException(KEY_FILE + " is not a path: it holds PEM text, a line break or a run "
                    + "of base64 (the value is not shown, it may be a key); put the PEM text in " + KEY + ", or write it to a file "
                    + "and give that file's path in " + KEY_FILE);
        }
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
    }
}
