package io.keyturn.tokens.control;

/**
 * The one spelling RFC 7515 (§2, "Base64url Encoding") allows for each segment of a JWS compact serialization: the
 * URL- and filename-safe alphabet, no {@code =} padding, no line breaks or other characters, and zero unused bits in
 * the last character.
 * <p>
 * Why Keyturn insists: decoders (jose4j's included) are lenient and map many strings to the same bytes, so a
 * genuine token re-spelled (padding appended, standard alphabet, other unused bits) still verifies. Such a
 * variant is a different string for everything keyed by the token text (the verified-token cache, logs, deny
 * lists of a resource server) while being the same token cryptographically. Refusing every non-canonical spelling
 * makes "same token" and "same string" one thing.
 */
final class CanonicalBase64Url {

    private CanonicalBase64Url() {
    }

    /** True when every '.'-separated segment of {@code compact} is canonical base64url (empty segments included). */
    static boolean isCanonicalCompact(String compact) {
        int start = 0;
        while (true) {
            int dot = compact.indexOf('.', start);
            int end = dot < 0 ? compact.length() : dot;
            if (!isCanonical(compact, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** True when {@code segment} is the canonical, unpadded base64url encoding of some byte sequence. */
    static boolean isCanonical(CharSequence segment) {
        return isCanonical(segment, 0, segment.length());
    }

    private static boolean isCanonical(CharSequence text, int start, int end) {
        int length = end - start;
        // 4 characters carry 3 bytes; a remainder of 1 character (6 bits) cannot encode a whole byte
        if (length % 4 == 1) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (valueOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        if (length == 0) {
            return true;
        }
        int last = valueOf(text.charAt(end - 1));
        return switch (length % 4) {
            case 2 -> (last & 0b1111) == 0; // 12 bits for 1 byte: the low 4 bits are unused
            case 3 -> (last & 0b11) == 0; // 18 bits for 2 bytes: the low 2 bits are unused
            default -> true; // a multiple of 4 characters uses every bit
        };
    }

    /** The 6-bit value of a base64url character, or -1 for anything else ('+', '/', '=' included). */
    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }
}
