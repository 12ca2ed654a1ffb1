package io.keyturn.users.control;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2): 8 to 128 characters (long passphrases allowed; the
 * maximum bounds the hashing work one request can cause), not only whitespace, and not the username. Any other
 * character is allowed, spaces included. Passwords are compared in Unicode NFC, so the same password typed on
 * keyboards that send composed ("é") or decomposed ("e" + combining accent) characters is one password.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** The form that is hashed and checked: NFC, as SP 800-63B asks (NFKC would merge look-alikes a user chose). */
    public static String normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }

    /**
     * Why {@code password} cannot be the new password of {@code username}, or empty when it can. The length is
     * checked here too (not only by Bean Validation at the boundary): the bootstrap administrator's comes from
     * configuration.
     */
    public static Optional<String> refusal(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (blank(password)) {
            return Optional.of("must not be only whitespace");
        }
        if (username != null && UserRepository.canonical(password).equals(UserRepository.canonical(username))) {
            return Optional.of("must not be the username");
        }
        return Optional.empty();
    }

    /** Only whitespace, space separators (no-break spaces too) or invisible characters: nothing anyone could type. */
    static boolean blank(String password) {
        return password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.CONTROL);
    }
}
