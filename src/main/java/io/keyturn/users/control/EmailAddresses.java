package io.keyturn.users.control;

import java.util.Optional;

/**
 * Rules for email addresses beyond their syntax (which Bean Validation checks at the boundary). An address must not
 * carry characters nobody sees: zero-width spaces and joiners, the byte order mark, soft hyphens, bidi controls and
 * other format or control characters, line or paragraph separators, or whitespace of any kind inside. Otherwise
 * "alice@example.com" and "alice\u200B@example.com" would be two accounts that look alike on every screen.
 * Addresses are stored and looked up in their {@link UserRepository#canonical canonical form} (NFKC, lower case), so
 * a fullwidth or other compatibility spelling of a registered address is that address.
 */
public final class EmailAddresses {

    /** RFC 5321 limits a path to 256 octets, so an address to 254; the column holds this many characters. */
    public static final int MAX_LENGTH = 254;
    /** The bootstrap administrator's domain (RFC 6761: .invalid never resolves); no one else may register in it. */
    static final String BOOTSTRAP_DOMAIN = "@admin.invalid";

    private EmailAddresses() {
    }

    /** Why {@code email} cannot be registered, or empty when it can. */
    public static Optional<String> refusal(String email) {
        String stripped = email.strip();
        String canonical = UserRepository.canonical(email);
        if (invisible(stripped) || invisible(canonical)) {
            return Optional.of("must not contain invisible, formatting or control characters");
        }
        if (whitespace(stripped) || whitespace(canonical)) {
            return Optional.of("must not contain whitespace");
        }
        if (canonical.indexOf('@') != canonical.lastIndexOf('@')) {
            // "x＠y@example.com" passes the syntax check as typed and is stored with two: login could not tell its form
            return Optional.of("must contain one '@' once normalized (a fullwidth or small '@' is one too)");
        }
        if (canonical.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters once normalized");
        }
        if (canonical.endsWith(BOOTSTRAP_DOMAIN)) {
            return Optional.of("must not be in the domain admin.invalid, which is the bootstrap administrator's");
        }
        return Optional.empty();
    }

    /** The address of the bootstrap administrator of this name. */
    static String bootstrapAddressOf(String username) {
        return UserRepository.canonical(username) + BOOTSTRAP_DOMAIN;
    }

    private static boolean invisible(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.getType(c)) {
            case Character.FORMAT, Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        });
    }

    private static boolean whitespace(String text) {
        return text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
}
