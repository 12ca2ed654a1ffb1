package io.keyturn.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for black-box tests: real requests to the deployed Keyturn, JSON answers parsed. */
public final class Http {

    public static final String ADMIN_PASSWORD = System.getProperty("keyturn.it.admin.password");
    /**
     * HTTP/2 where the server offers it (h2c upgrade), HTTP/1.1 otherwise: the JDK client's default. Requests use
     * HTTP/1.1 unless they ask for this with {@link Request#h2c()}: Keyturn turns HTTP/2 off on Payara's plain
     * listener, and Payara then answers container error pages of upgrade requests without a Content-Type. Both keep
     * an idle connection no longer than {@code jdk.httpclient.keepalive.timeout} (set in the pom's failsafe
     * configuration), shorter than the servers' idle limits.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final HttpClient CLIENT_HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static final java.util.Random ADDRESSES = new java.security.SecureRandom();

    private final URI base;
    /**
     * The client address this client claims through X-Forwarded-For (the tests trust any proxy): a fresh address
     * from the IPv6 documentation prefix (RFC 3849) for every client, so per-address login throttling counts each
     * test apart. It is only a header value; nothing is sent to it. Spelled as Keyturn records it (eight groups, as
     * Java spells an IPv6 address), so the tests find it in the log and the database as sent.
     */
    private final String clientAddress = "2001:db8:0:0:0:0:" + Integer.toHexString(ADDRESSES.nextInt(0x10000)) + ":"
            + Integer.toHexString(ADDRESSES.nextInt(0x10000));

    public String clientAddress() {
        return clientAddress;
    }

    public Http(URL deploymentUrl) {
        this.base = URI.create(deploymentUrl.toString().endsWith("/") ? deploymentUrl.toString()
                : deploymentUrl + "/");
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public Request request(String method, String path) {
        return new Request(method, uri(path)).header("X-Forwarded-For", clientAddress);
    }

    /**
     * An address at the server root ({@code scheme://host:port/path}), outside the deployment's context root:
     * Payara serves {@code /health} and {@code /openapi} there.
     */
    public URI serverUri(String path) {
        return base.resolve(path.startsWith("/") ? path : "/" + path);
    }

    /** A request to an absolute address, e.g. a {@code Location} the server answered. */
    public Request request(String method, URI absolute) {
        return new Request(method, absolute);
    }

    public Request atServerRoot(String method, String path) {
        return new Request(method, serverUri(path));
    }

    public Request get(String path) {
        return request("GET", path);
    }

    public Request post(String path) {
        return request("POST", path);
    }

    public Request put(String path) {
        return request("PUT", path);
    }

    public Request delete(String path) {
        return request("DELETE", path);
    }

    /** A fresh, unique username for each test, so classes can share one database. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a new user in body mode and returns the token response. */
    public JsonObject register(String username, String password) {
        Reply reply = post("/api/auth/register").bodyMode()
                .json(Json.createObjectBuilder().add("username", username).add("email", username + "@example.com")
                        .add("password", password).build().toString())
                .send();
        if (reply.status() != 201) {
            throw new AssertionError("registration failed: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    public JsonObject login(String username, String password) {
        Reply reply = post("/api/auth/login").bodyMode()
                .json(Json.createObjectBuilder().add("username", username).add("password", password).build()
                        .toString())
                .send();
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    /**
     * A failed login from this client's address, to mark a place in the server log: returns the security-log line it
     * causes. The server logs in order, so once that line is in the log, everything logged before it is too.
     */
    public String failLogin() {
        post("/api/auth/login").bodyMode()
                .json(Json.createObjectBuilder().add("username", uniqueName("marker"))
                        .add("password", "not a password 1").build().toString())
                .send();
        return "event=login outcome=invalid_credentials user=- session=- client=" + clientAddress;
    }

    public String adminToken() {
        return login("admin", ADMIN_PASSWORD).getString("accessToken");
    }

    public static final class Request {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private HttpClient client = CLIENT_HTTP_1_1;

        Request(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request bodyMode() {
            return header("X-Token-Mode", "body");
        }

        public Request json(String json) {
            header("Content-Type", "application/json");
            this.body = json;
            return this;
        }

        public Request body(String contentType, String raw) {
            header("Content-Type", contentType);
            this.body = raw;
            return this;
        }

        /** Sends this request over HTTP/1.1 only, without an h2c upgrade (the default). */
        public Request http11() {
            this.client = CLIENT_HTTP_1_1;
            return this;
        }

        /** Sends this request the JDK client's default way: offering an h2c upgrade over plain http. */
        public Request h2c() {
            this.client = CLIENT;
            return this;
        }

        public Reply send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                return new Reply(client.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public java.util.List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray jsonArray() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
