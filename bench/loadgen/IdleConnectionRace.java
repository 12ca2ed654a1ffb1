import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends, on each of N keep-alive connections, a POST after the connection has idled for a time spread evenly over
 * [from, from + span) milliseconds: the moment a server that closes idle connections after about that long does so.
 * Each connection has its own java.net.http client, so the second POST takes exactly that pooled connection. Prints
 * one JSON line: how many second POSTs were answered and how the others failed. The client's keep-alive is what
 * the JVM is started with ({@code -Djdk.httpclient.keepalive.timeout}).
 *
 * <p>Usage: {@code java IdleConnectionRace.java URL CONNECTIONS FROM_MS SPAN_MS}
 */
public class IdleConnectionRace {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        long from = Long.parseLong(args[2]);
        long span = Long.parseLong(args[3]);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long idle = from + span * i / connections;
            outcomes.add(threads.submit(() -> postTwice(uri, idle)));
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Future<String> outcome : outcomes) {
            counts.merge(outcome.get(), 1, Integer::sum);
        }
        threads.shutdown();
        StringBuilder json = new StringBuilder("{\"keepalive\":\"")
                .append(System.getProperty("jdk.httpclient.keepalive.timeout", "default"))
                .append("\",\"java\":\"").append(Runtime.version()).append("\",\"connections\":").append(connections)
                .append(",\"outcomes\":{");
        counts.forEach((what, n) -> json.append('"').append(what.replace("\"", "'")).append("\":").append(n).append(','));
        json.setLength(json.length() - (counts.isEmpty() ? 0 : 1));
        System.out.println(json.append("}}"));
    }

    private static String postTwice(URI uri, long idleMillis) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build();
        try {
            client.send(post, HttpResponse.BodyHandlers.discarding());
            Thread.sleep(idleMillis);
            client.send(post, HttpResponse.BodyHandlers.discarding());
            return "answered";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
