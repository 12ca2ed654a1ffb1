package io.keyturn.client;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A source of valid Keyturn access tokens for one session (a login, a stored refresh token) or one OAuth client
 * (client credentials). Thread-safe; share one instance per session.
 * <ul>
 * <li>{@link #accessToken()} returns the current token while it has more than the skew left, and renews it
 * otherwise.</li>
 * <li><b>Single flight</b>: however many threads find the token stale at once, one of them renews and the others
 * wait for that renewal's result. Renewing twice with one refresh token would look like theft to Keyturn once the
 * grace window has passed, and would revoke the session.</li>
 * <li>A renewal refused because the session is over throws {@link SessionEndedException}, tells the
 * {@link SessionEndedListener} once, and ends the source: every later call throws at once, without a request.</li>
 * <li>A failure without {@code Retry-After} (no answer, a proxy's 502) is tried once more at once, with the same
 * refresh token: if the first request was served and only its answer lost, Keyturn's grace window hands out the same
 * successor again, instead of a later call presenting the retired token after the window and ending the session as
 * reuse. If that fails too, it is thrown to the callers waiting for that renewal; the next call renews again.</li>
 * <li>A failure with {@code Retry-After} (429, Keyturn's 503 during a database outage) is not retried: until that
 * time has passed, callers get a {@link KeyturnException} at once, without a request. Nothing retries in the
 * background, so an outage never becomes a request storm.</li>
 * </ul>
 */
public final class KeyturnTokens {

    /** How one renewal is made, given the refresh token held now ({@code null} if none). */
    @FunctionalInterface
    interface Renewal {
        Issued renew(String refreshToken);
    }

    /** The tokens held now; immutable so that readers never see a half-updated pair. */
    private record Held(String accessToken, Instant expiresAt, Duration lifetime, String refreshToken) {

        static Held of(Issued issued, Instant now, String previousRefreshToken) {
            // client credentials answers carry no refresh token; a refresh answer always carries the successor
            String refresh = issued.refreshToken() != null ? issued.refreshToken() : previousRefreshToken;
            return new Held(issued.accessToken(), now.plus(issued.lifetime()), issued.lifetime(), refresh);
        }

        /** A starting point with a refresh token but no access token yet. */
        static Held onlyRefreshToken(String refreshToken) {
            return new Held(null, Instant.MIN, Duration.ZERO, refreshToken);
        }

        boolean freshAt(Instant now, Duration skew) {
            // a skew longer than half the lifetime would renew on every call with short-lived tokens
            Duration margin = skew.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : skew;
            return accessToken != null && now.plus(margin).isBefore(expiresAt);
        }

        Held stale() {
            return new Held(accessToken, Instant.MIN, lifetime, refreshToken);
        }
    }

    private final Renewal renewal;
    private final Clock clock;
    private final Duration skew;
    private final SessionEndedListener listener;

    private final Object lock = new Object();
    private volatile Held held;
    private volatile SessionEndedException ended;
    /** The renewal under way, shared by everyone who asks meanwhile; guarded by {@link #lock}. */
    private CompletableFuture<Held> inFlight;
    /** The last failure that asked callers to wait, and until when; guarded by {@link #lock}. */
    private KeyturnException waitingFor;
    private Instant waitUntil = Instant.MIN;
    /** The thread running {@link #inFlight}; guarded by {@link #lock}. */
    private Thread renewing;

    private KeyturnTokens(Builder builder, Renewal renewal, Held start) {
        this.renewal = renewal;
        this.clock = builder.clock;
        this.skew = builder.skew;
        this.listener = builder.listener;
        this.held = start;
    }

    public static Builder builder(TokenEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /**
     * A valid access token: the current one, or a renewed one when the current one expires within the skew.
     *
     * @throws SessionEndedException when the session is over (for this and every later call)
     * @throws KeyturnException      when this renewal failed for a reason that may pass (5xx, I/O)
     */
    public String accessToken() {
        SessionEndedException end = ended;
        if (end != null) {
            throw end.thrownAgain();
        }
        Held seen = held;
        if (seen.freshAt(clock.instant(), skew)) {
            return seen.accessToken();
        }
        return renew().accessToken();
    }

    /**
     * Marks this access token as refused by a server (401 {@code invalid_token}), so the next
     * {@link #accessToken()} renews. Has no effect if the source already holds a newer token, so many callers
     * reporting the same refusal cause one renewal.
     */
    public void invalidate(String accessToken) {
        synchronized (lock) {
            Held current = held;
            if (current.accessToken() != null && current.accessToken().equals(accessToken)) {
                held = current.stale();
            }
        }
    }

    /**
     * The newest refresh token, to store for a later {@link Builder#fromRefreshToken(String)}; {@code null} for
     * client credentials. Only the newest one may be used: an older one presented later revokes the session.
     */
    public String refreshToken() {
        return held.refreshToken();
    }

    /** Whether the session has ended (then {@link #accessToken()} throws). */
    public boolean isEnded() {
        return ended != null;
    }

    private Held renew() {
        CompletableFuture<Held> flight;
        boolean mine = false;
        Held start;
        synchronized (lock) {
            if (ended != null) {
                throw ended.thrownAgain();
            }
            start = held;
            if (start.freshAt(clock.instant(), skew)) {
                return start; // another thread renewed while this one waited for the lock
            }
            if (inFlight != null && renewing == Thread.currentThread()) {
                // waiting for its own renewal, this thread would wait forever
                throw new IllegalStateException("An access token was asked for while this thread renews it: the "
                        + "token endpoint's requests must not go through BearerTokenFilter (register it on another "
                        + "Client than the one given to JaxRsTokenEndpoint)");
            }
            if (inFlight == null && clock.instant().isBefore(waitUntil)) {
                throw new KeyturnException("Keyturn asked to wait until " + waitUntil + " before the next renewal",
                        waitingFor.status(), waitingFor.code(), Duration.between(clock.instant(), waitUntil),
                        waitingFor);
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                renewing = Thread.currentThread();
                mine = true;
            }
            flight = inFlight;
        }
        if (!mine) {
            return await(flight);
        }
        RuntimeException listenerFailed = runRenewal(start, flight);
        try {
            return await(flight);
        } catch (SessionEndedException over) {
            if (listenerFailed != null) {
                over.addSuppressed(listenerFailed); // this caller's own exception: its thread ran the listener
            }
            throw over;
        }
    }

    /** Renews, answers everyone waiting for {@code flight}, then tells the listener; returns what the listener threw. */
    private RuntimeException runRenewal(Held start, CompletableFuture<Held> flight) {
        Held next = null;
        Throwable failure = null;
        try {
            next = renewOnceMore(start);
        } catch (Throwable e) { // even an Error must reach the waiting callers, or they would wait forever
            failure = e;
        }
        try {
            settle(next, failure);
        } catch (RuntimeException | Error settling) { // a clock that throws: the callers must still be answered
            next = null;
            failure = settling;
        }
        if (next != null) {
            flight.complete(next);
            return null;
        }
        flight.completeExceptionally(failure); // first: a slow or throwing listener must not hold the others
        if (failure instanceof SessionEndedException sessionOver && listener != null) {
            try {
                listener.sessionEnded(sessionOver); // once: only the renewal's own thread gets here, only once
            } catch (RuntimeException listenerFailed) {
                return listenerFailed;
            }
        }
        return null;
    }

    /** Records the renewal's outcome for the callers to come, and lets the next caller start a renewal. */
    private void settle(Held next, Throwable failure) {
        synchronized (lock) {
            try {
                if (next != null) {
                    held = next;
                } else if (failure instanceof SessionEndedException sessionOver) {
                    ended = sessionOver;
                } else if (failure instanceof KeyturnException refused && refused.retryAfter().isPresent()) {
                    waitingFor = refused;
                    waitUntil = later(clock.instant(), refused.retryAfter().get());
                }
            } finally {
                inFlight = null; // the next caller after a failure starts a new renewal
                renewing = null;
            }
        }
    }

    /** {@code now + wait}, or the end of time when a server's {@code Retry-After} reaches beyond it. */
    private static Instant later(Instant now, Duration wait) {
        try {
            return now.plus(wait);
        } catch (DateTimeException | ArithmeticException beyondTime) {
            return Instant.MAX;
        }
    }

    /** One renewal, and one more at once after a failure that did not say when to come back. */
    private Held renewOnceMore(Held start) {
        try {
            return renewedFrom(start);
        } catch (SessionEndedException over) {
            throw over;
        } catch (KeyturnException failed) {
            if (failed.retryAfter().isPresent()) {
                throw failed;
            }
            return renewedFrom(start);
        }
    }

    private Held renewedFrom(Held start) {
        return Held.of(renewal.renew(start.refreshToken()), clock.instant(), start.refreshToken());
    }

    private static Held await(CompletableFuture<Held> flight) {
        try {
            return flight.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof SessionEndedException over) {
                throw over.thrownAgain(); // one exception per caller: callers may add to what they catch
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new KeyturnException("Renewing the access token failed", 0, null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyturnException("Interrupted while waiting for the access token", 0, null, e);
        }
    }

    /** Settings first, then one of the three starting points, which builds the source. */
    public static final class Builder {

        private final TokenEndpoint endpoint;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofSeconds(30);
        private SessionEndedListener listener;

        private Builder(TokenEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** Renew this long before the token expires (default 30 s; at most half the token's lifetime is used). */
        public Builder skew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("skew must not be negative: " + skew);
            }
            this.skew = skew;
            return this;
        }

        /** The clock that decides expiry (default UTC system clock); tests pass a clock they move. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder onSessionEnded(SessionEndedListener listener) {
            this.listener = listener;
            return this;
        }

        /** Logs in now (body mode); the password is not kept: renewals use the refresh token. */
        public KeyturnTokens login(String username, String password) {
            Issued first = endpoint.login(username, password);
            return new KeyturnTokens(this, endpoint::refresh, Held.of(first, clock.instant(), null));
        }

        /** Starts from a stored refresh token; the first {@link #accessToken()} refreshes. */
        public KeyturnTokens fromRefreshToken(String refreshToken) {
            Objects.requireNonNull(refreshToken, "refreshToken");
            if (refreshToken.isBlank()) {
                // Keyturn would answer 400, which ends nothing: every call would send another request
                throw new IllegalArgumentException("refreshToken is blank");
            }
            return new KeyturnTokens(this, endpoint::refresh, Held.onlyRefreshToken(refreshToken));
        }

        /**
         * OAuth client credentials; each renewal asks for a new token with the same credentials, which the source
         * keeps in memory. A deleted client or a changed secret ends the source ({@code invalid_client}).
         */
        public KeyturnTokens clientCredentials(String clientId, String clientSecret) {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Issued first = endpoint.clientCredentials(clientId, clientSecret);
            return new KeyturnTokens(this, ignored -> endpoint.clientCredentials(clientId, clientSecret),
                    Held.of(first, clock.instant(), null));
        }
    }
}
