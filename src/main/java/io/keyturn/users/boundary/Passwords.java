package io.keyturn.users.boundary;

/**
 * Length rules for passwords (NIST SP 800-63B: at least 8, long passphrases allowed). The maximum bounds the
 * hashing work one request can cause.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private Passwords() {
    }
}
