package io.keyturn.tokens.control;

/**
 * The presented access token cannot be trusted. The reason is a short code for the security log (never for the
 * client): {@link #EXPIRED} is the everyday end of a token; every other reason means the token was never good here.
 */
public class InvalidTokenException extends Exception {

    public static final String EXPIRED = "expired";

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }

    public boolean expired() {
        return EXPIRED.equals(reason());
    }
}
