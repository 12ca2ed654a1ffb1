package io.keyturn.oauth.control;

import io.keyturn.tokens.control.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Client secrets: 256 bits from the platform CSPRNG, base64url (43 characters), stored as their SHA-256. A slow
 * password hash would add nothing: nobody can guess 256 random bits, whatever the hash. Compared in constant time.
 */
public final class ClientSecrets {

    public static final int SECRET_BYTES = 32;
    /** Far above a real secret: a longer one is refused before hashing. */
    private static final int MAX_PRESENTED_LENGTH = 512;

    private ClientSecrets() {
    }

    public static String newSecret() {
        return RandomTokens.newToken(SECRET_BYTES);
    }

    /** Lower-case hex of the SHA-256 of the secret's UTF-8 bytes. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether the presented secret is the one whose hash is stored; constant time in the stored hash. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null || presented.length() > MAX_PRESENTED_LENGTH) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), expected);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
