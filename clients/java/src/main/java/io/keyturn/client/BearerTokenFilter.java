package io.keyturn.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Objects;

/**
 * Adds {@code Authorization: Bearer <access token>} to every request, taking the token from a {@link KeyturnTokens}
 * at the moment the request is sent (so it is renewed when due). A request that already carries an
 * {@code Authorization} header is left alone, which is how {@link Retry} sends a specific token.
 * <p>
 * On a JAX-RS client: {@code client.register(new BearerTokenFilter(tokens), Priorities.AUTHENTICATION)}.
 * With MicroProfile Rest Client, either register an instance ({@code RestClientBuilder.newBuilder()
 * .register(new BearerTokenFilter(tokens))}), or, for {@code @RegisterProvider}, which instantiates the class itself,
 * subclass it with a public no-argument constructor (or as a CDI bean) and override {@link #tokens()}; see the
 * README.
 */
public class BearerTokenFilter implements ClientRequestFilter {

    private final KeyturnTokens tokens;

    public BearerTokenFilter(KeyturnTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** For subclasses that look their token source up themselves (CDI injection, a holder): override {@link #tokens()}. */
    protected BearerTokenFilter() {
        this.tokens = null;
    }

    /** The token source to use; subclasses made with the no-argument constructor must override this. */
    protected KeyturnTokens tokens() {
        if (tokens == null) {
            throw new IllegalStateException(getClass().getName() + " was made without a KeyturnTokens and does not "
                    + "override tokens()");
        }
        return tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens().accessToken());
    }
}
