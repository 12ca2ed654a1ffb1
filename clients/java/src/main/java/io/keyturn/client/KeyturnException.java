package io.keyturn.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Keyturn could not hand out a token this time: the server answered 5xx, 429 or an unexpected status, or it could
 * not be reached. The token source stays usable; the next call tries again, or, when the answer said
 * {@link #retryAfter()}, the first call after that time.
 */
public class KeyturnException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public KeyturnException(String message, int status, String code, Throwable cause) {
        this(message, status, code, null, cause);
    }

    /** @param retryAfter the answer's {@code Retry-After}, or {@code null} when it had none */
    public KeyturnException(String message, int status, String code, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /**
     * How long the server asked callers to wait ({@code Retry-After} of a 429 {@code too_many_attempts} or a 503
     * {@code service_unavailable}); empty when it did not say.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
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
