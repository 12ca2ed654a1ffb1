package io.keyturn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client, with the Jakarta REST implementation of the run, against peers that do what Keyturn itself never
 * does but what stands between it and its clients may: a proxy that answers 200 with its own page, a far-off
 * {@code Retry-After}, a resource server that spells its challenge differently. The peer is a JDK HTTP server
 * that answers each request with the next scripted answer and records what it was sent.
 */
class MisbehavingPeersIT {

    private static final String TOKENS = "{\"accessToken\":\"access-%d\",\"expiresIn\":900,\"refreshToken\":\"refresh-%d\"}";

    private record Answer(int status, String contentType, String body, List<String[]> headers) {
    }

    private record Received(String method, String path, String body, String authorization) {
    }

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private HttpServer peer;
    private Client client;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/", this::answer);
        peer.start();
        base = URI.create("http://127.0.0.1:" + peer.getAddress().getPort());
        client = ClientImplementation.newClient();
    }

    @AfterEach
    void stop() {
        client.close();
        peer.stop(0);
    }

    /** A proxy's error page with status 200 is an answer lost on the way, not a crash inside the library. */
    @Test
    void aSuccessStatusWithoutTokensIsAFailureThatMayPass() {
        TokenEndpoint endpoint = new JaxRsTokenEndpoint(client, base);
        then(200, "text/html", "<html><body>Gateway says hello</body></html>");
        then(200, "application/json", "{\"accessToken\":\"access-1\",\"expiresIn\":900.5,\"refreshToken\":\"r\"}");
        then(200, "application/json", "{\"accessToken\":\"access-1\",\"expiresIn\":900}");
        then(200, "application/json", "{\"accessToken\":\"\",\"expiresIn\":900,\"refreshToken\":\"r\"}");

        for (int i = 0; i < 4; i++) {
            KeyturnException lost = assertThrows(KeyturnException.class, () -> endpoint.refresh("refresh-0"));
            assertFalse(lost instanceof SessionEndedException, lost.getMessage());
            assertEquals(200, lost.status());
        }
    }

    /**
     * Keyturn rotated the token but the answer was replaced on the way: the source asks again at once with the same
     * token, which Keyturn's grace window answers with the same successor.
     */
    @Test
    void aMangledSuccessIsAskedForAgainAtOnceWithTheSameRefreshToken() {
        KeyturnTokens tokens = KeyturnTokens.builder(new JaxRsTokenEndpoint(client, base)).fromRefreshToken("refresh-0");
        then(200, "text/html", "<html>maintenance page</html>");
        then(200, "application/json", TOKENS.formatted(1, 1));

        assertEquals("access-1", tokens.accessToken());
        assertEquals("refresh-1", tokens.refreshToken());
        List<Received> refreshes = received.stream().toList();
        assertEquals(2, refreshes.size());
        assertTrue(refreshes.stream().allMatch(r -> r.body().contains("\"refresh-0\"")), refreshes::toString);
    }

    /** A Retry-After past the end of Instant's range used to leave every caller waiting forever. */
    @Test
    void aRetryAfterBeyondTheEndOfTimeHoldsRenewalsBackWithoutHanging() {
        KeyturnTokens tokens = KeyturnTokens.builder(new JaxRsTokenEndpoint(client, base)).fromRefreshToken("refresh-0");
        then(503, "application/problem+json", "{\"code\":\"service_unavailable\"}",
                new String[] {"Retry-After", "99999999999999999"});

        KeyturnException outage = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(KeyturnException.class, tokens::accessToken));
        assertEquals(503, outage.status());
        KeyturnException held = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(KeyturnException.class, tokens::accessToken));
        assertTrue(held.retryAfter().isPresent());
        assertEquals(1, received.size(), "no request while the server asked to wait");
    }

    /** RFC 9110 allows the error as a token as well as a quoted string; some resource servers send it so. */
    @Test
    void aRefusalSpelledWithoutQuotesIsRetriedOnceWithARenewedToken() {
        then(200, "application/json", TOKENS.formatted(1, 1)); // the login
        KeyturnTokens tokens = KeyturnTokens.builder(new JaxRsTokenEndpoint(client, base)).login("alice", "pw");
        then(401, "application/json", "{}",
                new String[] {HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"orders\", error=invalid_token"});
        then(200, "application/json", TOKENS.formatted(2, 2)); // the renewal
        then(200, "application/json", "{\"orders\":[]}");

        try (Response answer = Retry.onceOnInvalidToken(tokens,
                auth -> client.target(base).path("orders").request().header(HttpHeaders.AUTHORIZATION, auth).get())) {
            assertEquals(200, answer.getStatus());
        }
        List<String> calls = received.stream().map(r -> r.path() + " " + r.authorization()).toList();
        assertEquals(List.of("/api/auth/login null", "/orders Bearer access-1", "/api/auth/refresh null",
                "/orders Bearer access-2"), calls);
    }

    /** The documented mistake, a bearer filter on the token endpoint's own client, fails at once with its name. */
    @Test
    void aBearerFilterOnTheTokenEndpointsClientIsAnErrorNotAHang() {
        KeyturnTokens[] source = new KeyturnTokens[1];
        client.register(new BearerTokenFilter() {
            @Override
            protected KeyturnTokens tokens() {
                return source[0];
            }
        });
        source[0] = KeyturnTokens.builder(new JaxRsTokenEndpoint(client, base)).fromRefreshToken("refresh-0");

        IllegalStateException misuse = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(IllegalStateException.class, source[0]::accessToken));
        assertTrue(misuse.getMessage().contains("BearerTokenFilter"), misuse::getMessage);
        assertEquals(0, received.size());
    }

    private void then(int status, String contentType, String body, String[]... headers) {
        script.add(new Answer(status, contentType, body, List.of(headers)));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
            Answer next = script.poll();
            if (next == null) {
                exchange.sendResponseHeaders(599, -1);
                return;
            }
            byte[] body = next.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", next.contentType());
            for (String[] header : next.headers()) {
                exchange.getResponseHeaders().add(header[0], header[1]);
            }
            exchange.sendResponseHeaders(next.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
