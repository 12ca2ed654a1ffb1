package io.keyturn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the real Keyturn WAR in Payara Micro (one start for the class), with the Jakarta REST
 * implementation chosen by {@link ClientImplementation}. Expiry is decided by a {@link MovableClock} in the token
 * source, so nothing waits for a token to age; what the server did is read from its own database.
 */
class KeyturnClientIT {

    private static final int CALLERS = 100;

    private static PayaraKeyturn keyturn;
    private static Client client;
    /** requests the token endpoint's client sent to /api/auth/refresh, counted as they leave */
    private static final AtomicInteger refreshRequests = new AtomicInteger();

    private final MovableClock clock = new MovableClock();
    private ExecutorService pool;

    @BeforeAll
    static void startKeyturn() throws Exception {
        keyturn = PayaraKeyturn.start();
        client = ClientImplementation.newClient();
        client.register((ClientRequestFilter) request -> {
            if (request.getUri().getPath().endsWith("/api/auth/refresh")) {
                refreshRequests.incrementAndGet();
            }
        });
    }

    @AfterAll
    static void stopKeyturn() throws Exception {
        if (client != null) {
            client.close();
        }
        if (keyturn != null) {
            keyturn.close();
        }
    }

    @BeforeEach
    void threads() {
        pool = Executors.newFixedThreadPool(CALLERS);
        refreshRequests.set(0);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void theChosenImplementationIsTheOneInUse() {
        String expected = ClientImplementation.name().equals("resteasy") ? "org.jboss.resteasy" : "org.glassfish.jersey";
        assertTrue(client.getClass().getName().startsWith(expected), client.getClass().getName());
    }

    @Test
    void hundredConcurrentCallsWithAnExpiringTokenCauseOneRefreshOnTheServer() throws Exception {
        register("carol");
        KeyturnTokens tokens = KeyturnTokens.builder(endpoint()).clock(clock).login(username("carol"), password("carol"));
        String session = keyturn.sessionOfRefreshToken(tokens.refreshToken());
        assertEquals(1, keyturn.refreshTokensOfSession(session));
        WebTarget me = apiWith(tokens).path("api/me");

        clock.advance(Duration.ofSeconds(60)); // the access token is now due for renewal
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                try (Response response = me.request().get()) {
                    return response.getStatus();
                }
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertEquals(200, status.get(2, TimeUnit.MINUTES));
        }

        assertEquals(2, keyturn.refreshTokensOfSession(session), "refresh tokens the server issued: login + refreshes");
        assertFalse(keyturn.sessionRevoked(session), "a second refresh with one token would have revoked the session");
        assertEquals(1, refreshRequests.get());
    }

    /** Keyturn's 429 says when to come back (Retry-After), and the exception carries it to the caller. */
    @Test
    void aThrottledLoginSaysWhenToComeBack() {
        register("heidi");
        TokenEndpoint endpoint = endpoint();
        for (int i = 0; i < 5; i++) {
            String wrong = "not heidi's password " + i;
            KeyturnException refused = assertThrows(KeyturnException.class,
                    () -> endpoint.login(username("heidi"), wrong));
            assertEquals(401, refused.status());
            assertTrue(refused.retryAfter().isEmpty());
        }
        KeyturnException throttled = assertThrows(KeyturnException.class,
                () -> KeyturnTokens.builder(endpoint).login(username("heidi"), password("heidi")));
        assertEquals(429, throttled.status());
        assertEquals("too_many_attempts", throttled.code());
        assertTrue(throttled.retryAfter().orElseThrow().toSeconds() > 0, throttled::getMessage);
    }

    @Test
    void aRevokedSessionEndsTheSourceWithoutARetryStorm() throws Exception {
        String userId = register("dave");
        AtomicInteger told = new AtomicInteger();
        KeyturnTokens tokens = KeyturnTokens.builder(endpoint()).clock(clock)
                .onSessionEnded(reason -> told.incrementAndGet()).login(username("dave"), password("dave"));
        String session = keyturn.sessionOfRefreshToken(tokens.refreshToken());
        try (Response revoked = admin().path("api/admin/users").path(userId).path("sessions").request().delete()) {
            assertEquals(204, revoked.getStatus());
        }
        WebTarget me = apiWith(tokens).path("api/me");

        clock.advance(Duration.ofSeconds(60));
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(pool.submit(() -> {
                try (Response response = me.request().get()) {
                    return response.getStatus();
                }
            }));
        }
        for (Future<Integer> call : calls) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(2, TimeUnit.MINUTES));
            // the filter's exception reaches the caller, wrapped by the implementation in a ProcessingException
            assertTrue(causedBySessionEnd(failed), () -> "not a session end: " + failed.getCause());
        }
        SessionEndedException later = assertThrows(SessionEndedException.class, tokens::accessToken);

        assertEquals("refresh_token_invalid", later.code());
        assertEquals(1, refreshRequests.get(), "refresh requests after the revocation");
        assertEquals(1, told.get());
        assertEquals(1, keyturn.refreshTokensOfSession(session));
    }

    @Test
    void anIdempotentCallIsRetriedOnceWithAFreshTokenAfterInvalidToken() throws Exception {
        register("erin");
        // the first access token is spoiled on its way in, as if the resource server no longer trusted it
        TokenEndpoint real = endpoint();
        TokenEndpoint spoilingLogin = new TokenEndpoint() {
            @Override
            public Issued login(String username, String password) {
                Issued issued = real.login(username, password);
                return new Issued(issued.accessToken() + "x", issued.lifetime(), issued.refreshToken());
            }

            @Override
            public Issued refresh(String refreshToken) {
                return real.refresh(refreshToken);
            }

            @Override
            public Issued clientCredentials(String clientId, String clientSecret) {
                return real.clientCredentials(clientId, clientSecret);
            }
        };
        KeyturnTokens tokens = KeyturnTokens.builder(spoilingLogin).clock(clock).login(username("erin"), password("erin"));
        WebTarget me = apiWith(tokens).path("api/me");

        try (Response response = Retry.onceOnInvalidToken(tokens,
                auth -> me.request().header("Authorization", auth).get())) {
            assertEquals(200, response.getStatus());
            assertEquals(username("erin"), json(response.readEntity(String.class)).getString("username"));
        }
        assertEquals(1, refreshRequests.get());
    }

    @Test
    void clientCredentialsRenewAndEndWhenTheClientIsDeleted() throws Exception {
        String clientId = "orders-" + ClientImplementation.name();
        String secret;
        try (Response created = admin().path("api/admin/clients").request().post(Entity.json(
                "{\"clientId\":\"" + clientId + "\",\"confidential\":true,\"roles\":[\"service\"]}"))) {
            assertEquals(201, created.getStatus());
            secret = json(created.readEntity(String.class)).getString("clientSecret");
        }
        AtomicInteger told = new AtomicInteger();
        KeyturnTokens tokens = KeyturnTokens.builder(endpoint()).clock(clock)
                .onSessionEnded(reason -> told.incrementAndGet()).clientCredentials(clientId, secret);
        String first = tokens.accessToken();
        clock.advance(Duration.ofSeconds(60));
        String second = tokens.accessToken();
        assertNotEquals(first, second);

        try (Response deleted = admin().path("api/admin/clients").path(clientId).request().delete()) {
            assertEquals(204, deleted.getStatus());
        }
        clock.advance(Duration.ofSeconds(60));
        SessionEndedException end = assertThrows(SessionEndedException.class, tokens::accessToken);
        assertEquals("invalid_client", end.code());
        assertEquals(1, told.get());
    }

    /** A MicroProfile Rest Client interface whose provider is given by annotation, as the README shows. */
    @Path("/api")
    @RegisterProvider(HolderBearer.class)
    public interface Me {
        @GET
        @Path("me")
        JsonObject me();
    }

    /** The README's no-CDI shape: made by the Rest Client implementation, the source taken from a static holder. */
    public static class HolderBearer extends BearerTokenFilter {
        static volatile KeyturnTokens holder;
        static final AtomicInteger made = new AtomicInteger();
        static final AtomicInteger filtered = new AtomicInteger();

        public HolderBearer() {
            made.incrementAndGet();
        }

        @Override
        protected KeyturnTokens tokens() {
            filtered.incrementAndGet();
            return holder;
        }
    }

    @Test
    void aMicroProfileRestClientWithRegisterProviderSendsAndRenewsTheBearer() throws Exception {
        String expected = ClientImplementation.name().equals("resteasy") ? "org.jboss.resteasy" : "org.glassfish.jersey";
        RestClientBuilder builder = RestClientBuilder.newBuilder();
        assertTrue(builder.getClass().getName().startsWith(expected), builder.getClass().getName());
        register("frank");
        KeyturnTokens tokens = KeyturnTokens.builder(endpoint()).clock(clock).login(username("frank"), password("frank"));
        String session = keyturn.sessionOfRefreshToken(tokens.refreshToken());
        HolderBearer.holder = tokens;
        HolderBearer.made.set(0);
        HolderBearer.filtered.set(0);
        String firstToken = tokens.accessToken();

        Me me = builder.baseUri(keyturn.uri()).build(Me.class);
        try {
            assertEquals(username("frank"), me.me().getString("username"));
            assertEquals(0, refreshRequests.get());

            clock.advance(Duration.ofSeconds(60)); // the access token is now due for renewal
            assertEquals(username("frank"), me.me().getString("username"));
            assertEquals(1, refreshRequests.get(), "the filter renewed the token once");
            assertNotEquals(firstToken, tokens.accessToken());
            assertEquals(2, keyturn.refreshTokensOfSession(session), "refresh tokens the server issued: login + refresh");
            assertFalse(keyturn.sessionRevoked(session));
            assertTrue(HolderBearer.made.get() >= 1, "the implementation made the @RegisterProvider filter");
            assertEquals(2, HolderBearer.filtered.get(), "the filter ran for both calls");
        } finally {
            ((Closeable) me).close(); // Rest Client 2.0+ proxies are Closeable
            HolderBearer.holder = null;
        }
    }

    private TokenEndpoint endpoint() {
        return new JaxRsTokenEndpoint(client, keyturn.uri());
    }

    /** A target on a separate client carrying the bearer filter, as an application would have it. */
    private WebTarget apiWith(KeyturnTokens tokens) throws ReflectiveOperationException {
        Client api = ClientImplementation.newClient();
        api.register(new BearerTokenFilter(tokens), Priorities.AUTHENTICATION);
        return api.target(keyturn.uri());
    }

    private WebTarget admin() throws ReflectiveOperationException {
        return apiWith(KeyturnTokens.builder(endpoint()).login(PayaraKeyturn.ADMIN, PayaraKeyturn.ADMIN_PASSWORD));
    }

    /** Registers a user (named per implementation, one database serves one run) and returns its id. */
    private String register(String name) {
        String username = username(name);
        String body = Json.createObjectBuilder().add("username", username)
                .add("email", username + "@example.com").add("password", password(name)).build().toString();
        try (Response created = client.target(keyturn.uri()).path("api/auth/register").request()
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            assertEquals(201, created.getStatus());
            return json(created.readEntity(String.class)).getJsonObject("user").getString("id");
        }
    }

    private static String username(String name) {
        return name + "-" + ClientImplementation.name();
    }

    private static String password(String name) {
        return "a long passphrase for " + name;
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static boolean causedBySessionEnd(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SessionEndedException) {
                return true;
            }
        }
        return false;
    }
}
