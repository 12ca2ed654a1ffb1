package io.keyturn.client;

/**
 * Keyturn could not hand out a token this time: the server answered 5xx or an unexpected status, or it could not be
 * reached. The token source stays usable; the next call tries again.
 */
public class KeyturnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public KeyturnException(String message, int status, String code, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when there was no answer (I/O failure). */
    public int status() {
        return status;
    }

    /** The problem {@code code} or OAuth {@code error} of the answer, or {@code null}. */
    public String code() {
        return code;
    }
}
