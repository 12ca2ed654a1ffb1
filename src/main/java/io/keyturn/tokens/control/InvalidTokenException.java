package io.keyturn.tokens.control;

/** The presented access token cannot be trusted; the reason is for the server log, never for the client. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
