package io.keyturn.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.function.Function;

/**
 * Repeats an idempotent call once when the resource server refused its access token (401 with
 * {@code WWW-Authenticate: Bearer ..., error="invalid_token"}: expired early, signed with a key the server no longer
 * trusts, clocks apart). The second attempt gets a renewed token. Only once: a second refusal is returned to the
 * caller as it is, so a server that refuses every token never causes a loop.
 * <p>
 * Use it for GET, PUT, DELETE and other calls that are safe to repeat, never blindly for a POST.
 */
public final class Retry {

    private Retry() {
    }

    /**
     * @param tokens the token source
     * @param call   makes the request with the given {@code Authorization} header value; e.g.
     *               {@code auth -> target.request().header(HttpHeaders.AUTHORIZATION, auth).get()}
     * @return the first response, or the second one when the first refused its token (the first is then closed)
     */
    public static Response onceOnInvalidToken(KeyturnTokens tokens, Function<String, Response> call) {
        Objects.requireNonNull(tokens, "tokens");
        String token = tokens.accessToken();
        Response first = call.apply("Bearer " + token);
        if (!refusedToken(first)) {
            return first;
        }
        first.close();
        tokens.invalidate(token); // no-op if another caller already renewed: then we just take the newer token
        return call.apply("Bearer " + tokens.accessToken());
    }

    /** Whether the answer is RFC 6750's "the token you sent is no good" rather than a missing or forbidden call. */
    static boolean refusedToken(Response response) {
        if (response.getStatus() != 401) {
            return false;
        }
        return BearerChallenges.refuseTheToken(response.getStringHeaders().get(HttpHeaders.WWW_AUTHENTICATE));
    }
}
