package io.keyturn.sessions.control;

import io.keyturn.tokens.control.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Opaque refresh tokens: 256 bits from the platform CSPRNG, base64url. Only their SHA-256 is stored; a fast hash is
 * right here because the input is random and 256 bits long, so there is nothing to brute-force.
 */
public final class RefreshTokens {

    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    public static final int TOKEN_LENGTH = 43;

    private RefreshTokens() {
    }

    public static String newToken() {
        return RandomTokens.newToken(TOKEN_BYTES);
    }

    public static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Anything that cannot be one of our tokens is refused before it reaches the database. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == TOKEN_LENGTH
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
