import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Load generator for the OAuth 2.0 refresh grant (RFC 6749 §6) of any token endpoint: Keycloak's
 * {@code /realms/R/protocol/openid-connect/token} and Keyturn's {@code /api/oauth2/token} alike (bench/keycloak.sh).
 * A single-file program: {@code java bench/loadgen/OAuthRefreshLoad.java [options]}, JDK 17, no dependencies.
 * <p>
 * Each of {@code --chains} worker threads owns one refresh-token chain and always presents its newest refresh
 * token: {@code POST TOKEN_URL} with {@code grant_type=refresh_token&refresh_token=...&client_id=...} (a public
 * client, form-encoded). Every answer other than 200 with a new {@code refresh_token} counts as an error; the
 * status and the start of the body of the first errors are printed, with a count per status at the end of each run.
 * After an error the chain obtains a new first token the way it got its first one.
 * <p>
 * The first token of each chain comes from (one of):
 * <ul>
 *   <li>{@code --username U --password P}: the password grant on the same token endpoint (one new session per chain);</li>
 *   <li>{@code --register-url URL}: Keyturn's {@code POST /api/auth/register} in body mode, one new user per chain
 *       (a session opened without a client may be refreshed by any public client, api-contract.md); after an
 *       error, {@code /api/auth/login} next to it;</li>
 *   <li>{@code --refresh-tokens T1,T2,...}: given tokens, one per chain (no recovery after an error).</li>
 * </ul>
 * Same output conventions as KeyturnLoad.java: server CPU seconds (utime + stime of {@code /proc/PID/stat}), the
 * CPU of its C1/C2 compiler threads and of its GC threads, resident memory sampled every 250 ms (highest and
 * median while loaded, and every sample), one JSON line per measured run appended to {@code --out}.
 *
 * <pre>
 * options:
 *   --target NAME            name in the JSON lines (default oauth)
 *   --token-url URL          the token endpoint
 *   --client-id ID           the public client's id
 *   --pid PID                the server JVM (CPU, JIT, GC, RSS); none: no server figures
 *   --chains N               concurrent chains (default 4)
 *   --warmup S               seconds at max before the measured runs, not recorded (default 60)
 *   --duration S             seconds per measured run, closed loop at max (default 20)
 *   --rounds N               measured runs (default 1)
 *   --round K                the round number of the first measured run (default 1)
 *   --out FILE               JSON lines (default: none)
 *   --tag TEXT               copied into every JSON line
 *   --username U --password P | --register-url URL [--password P] | --refresh-tokens T1,T2,...
 *   --login-duration S       after the refresh runs, S seconds of logins at max, recorded as step "login" (default 0:
 *                            none): the password grant on the token endpoint (--username), or Keyturn's
 *                            /api/auth/login in body mode (--register-url); the server's CPU per login
 * </pre>
 */
public class OAuthRefreshLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = parse(args);
        String name = o.getOrDefault("target", "oauth");
        String tokenUrl = required(o, "token-url");
        String clientId = required(o, "client-id");
        long pid = Long.parseLong(o.getOrDefault("pid", "-1"));
        int chains = Integer.parseInt(o.getOrDefault("chains", "4"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "60"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "20"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
        int firstRound = Integer.parseInt(o.getOrDefault("round", "1"));
        String out = o.get("out");
        String tag = o.getOrDefault("tag", "oauth-refresh");
        double loginDuration = Double.parseDouble(o.getOrDefault("login-duration", "0"));

        Load load = new Load(tokenUrl, clientId, pid, chains, o);
        long t0 = System.nanoTime();
        load.firstTokens();
        log("%s: %d chains have their first refresh token (%s) in %.1f s", name, chains, load.origin(),
                (System.nanoTime() - t0) / 1e9);
        if (warmup > 0) {
            Result w = load.run(warmup, false);
            log("%s warm-up: %s", name, w.line());
        }
        for (int r = 0; r < rounds; r++) {
            Result res = load.run(duration, false);
            log("round %d %s max: %s", firstRound + r, name, res.line());
            if (out != null) {
                Files.writeString(Path.of(out), res.json(tag, name, firstRound + r, "max") + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (loginDuration > 0) {
                Result l = load.run(loginDuration, true);
                log("round %d %s login: %s", firstRound + r, name, l.line());
                if (out != null) {
                    Files.writeString(Path.of(out), l.json(tag, name, firstRound + r, "login") + "\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
        System.exit(0);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    static String required(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "%tT [oauthload] %s%n", System.currentTimeMillis(),
                String.format(Locale.ROOT, format, args));
    }

    static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static final class Load {
        final String tokenUrl;
        final String clientId;
        final long pid;
        final int chains;
        final String username;
        final String password;
        final String registerUrl;
        final String[] given;
        final String[] tokens;
        final String[] users;
        final HttpClient http;
        final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
                + Long.toString((long) (Math.random() * 1296), 36);
        final AtomicInteger printed = new AtomicInteger();

        Load(String tokenUrl, String clientId, long pid, int chains, Map<String, String> o) {
            this.tokenUrl = tokenUrl;
            this.clientId = clientId;
            this.pid = pid;
            this.chains = chains;
            this.username = o.get("username");
            this.password = o.getOrDefault("password", "bench password 0123456789");
            this.registerUrl = o.get("register-url");
            this.given = o.containsKey("refresh-tokens") ? o.get("refresh-tokens").split(",") : null;
            if (username == null && registerUrl == null && given == null) {
                throw new IllegalArgumentException("--username/--password, --register-url or --refresh-tokens");
            }
            if (given != null && given.length < chains) {
                throw new IllegalArgumentException("--refresh-tokens: one per chain");
            }
            this.tokens = new String[chains];
            this.users = new String[chains];
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(2, r -> {
                        Thread t = new Thread(r, "http");
                        t.setDaemon(true);
                        return t;
                    }))
                    .build();
        }

        String origin() {
            return given != null ? "given" : registerUrl != null ? "Keyturn registration, body mode" : "password grant";
        }

        HttpResponse<String> post(String url, String contentType, String body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            if (contentType.startsWith("application/json")) {
                b.header("X-Token-Mode", "body");
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        void firstTokens() throws Exception {
            for (int c = 0; c < chains; c++) {
                if (given != null) {
                    tokens[c] = given[c];
                } else if (registerUrl != null) {
                    users[c] = "o" + runId + "x" + c;
                    String body = "{\"username\":\"" + users[c] + "\",\"email\":\"" + users[c] + "@example.com\","
                            + "\"password\":\"" + password + "\"}";
                    HttpResponse<String> r = post(registerUrl, "application/json", body);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
                    }
                    tokens[c] = field(r.body(), "refreshToken");
                } else {
                    tokens[c] = obtain(c);
                    if (tokens[c] == null) {
                        throw new IllegalStateException("password grant failed (see above)");
                    }
                }
            }
        }

        /** One login of the chain's user (--login-duration): the HTTP status (0: no answer). */
        int login(int chain) throws InterruptedException {
            try {
                String t = obtain(chain);
                if (t == null) {
                    return lastStatus;
                }
                tokens[chain] = t;
                return 200;
            } catch (IOException | IllegalStateException e) {
                report(chain, 0, e.toString());
                return 0;
            }
        }

        volatile int lastStatus;

        /** A new first token for the chain (after an error), or null. */
        String obtain(int chain) throws IOException, InterruptedException {
            HttpResponse<String> r;
            String key;
            if (registerUrl != null) {
                String login = registerUrl.replaceFirst("/register$", "/login");
                r = post(login, "application/json",
                        "{\"username\":\"" + users[chain] + "\",\"password\":\"" + password + "\"}");
                key = "refreshToken";
            } else if (username != null) {
                r = post(tokenUrl, "application/x-www-form-urlencoded",
                        form("grant_type", "password", "client_id", clientId, "username", username,
                                "password", password, "scope", "openid"));
                key = "refresh_token";
            } else {
                return null;
            }
            if (r.statusCode() != 200) {
                lastStatus = r.statusCode();
                report(chain, r.statusCode(), "new first token / login failed: " + r.body());
                return null;
            }
            return field(r.body(), key);
        }

        static String abbreviate(String s) {
            return s.length() > 300 ? s.substring(0, 300) + "..." : s;
        }

        /** One closed-loop run at max for the given seconds: refreshes, or logins. */
        Result run(double seconds, boolean logins) throws Exception {
            long startNs = System.nanoTime() + 50_000_000L;
            long endNs = startNs + (long) (seconds * 1e9);
            LongAdder ok = new LongAdder();
            LongAdder errors = new LongAdder();
            Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
            long[][] latencies = new long[chains][];
            int[] counts = new int[chains];
            CountDownLatch finished = new CountDownLatch(chains);
            AtomicBoolean sampling = new AtomicBoolean(true);
            List<Long> rss = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    long kb = rssKb(pid);
                    if (kb > 0) {
                        rss.add(kb);
                    }
                    LockSupport.parkNanos(250_000_000L);
                }
            });
            sampler.setDaemon(true);
            for (int i = 0; i < chains; i++) {
                int chain = i;
                latencies[i] = new long[1024];
                Thread worker = new Thread(() -> {
                    try {
                        long t;
                        while ((t = System.nanoTime()) < startNs) {
                            LockSupport.parkNanos(startNs - t);
                        }
                        while ((t = System.nanoTime()) < endNs) {
                            int status = logins ? login(chain) : refresh(chain);
                            long latency = System.nanoTime() - t;
                            if (status != 200 && logins) {
                                errors.increment();
                                byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                                continue;
                            }
                            if (status != 200) {
                                errors.increment();
                                byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                                try {
                                    String fresh = obtain(chain);
                                    if (fresh != null) {
                                        tokens[chain] = fresh;
                                    }
                                } catch (IOException e) {
                                    // counted already
                                }
                                continue;
                            }
                            ok.increment();
                            if (counts[chain] == latencies[chain].length) {
                                latencies[chain] = Arrays.copyOf(latencies[chain], counts[chain] * 2);
                            }
                            latencies[chain][counts[chain]++] = latency;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                }, "chain-" + chain);
                worker.setDaemon(true);
                worker.start();
            }
            LockSupport.parkNanos(Math.max(0, startNs - System.nanoTime()));
            double cpu0 = cpuSeconds(pid), jit0 = jitSeconds(pid), gc0 = gcSeconds(pid), client0 = clientCpuSeconds();
            sampler.start();
            finished.await();
            long lastNs = System.nanoTime();
            double cpu1 = cpuSeconds(pid), jit1 = jitSeconds(pid), gc1 = gcSeconds(pid), client1 = clientCpuSeconds();
            sampling.set(false);
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            long[] all = new long[n];
            int k = 0;
            for (int i = 0; i < chains; i++) {
                System.arraycopy(latencies[i], 0, all, k, counts[i]);
                k += counts[i];
            }
            Arrays.sort(all);
            long[] rssKb;
            synchronized (rss) {
                rssKb = rss.stream().mapToLong(Long::longValue).toArray();
            }
            Map<Integer, Long> statuses = new TreeMap<>();
            byStatus.forEach((s, c) -> statuses.put(s, c.sum()));
            return new Result(n, errors.sum(), statuses, (lastNs - startNs) / 1e9, all, cpu1 - cpu0, jit1 - jit0,
                    gc1 - gc0, client1 - client0, rssKb, load1());
        }

        /** One refresh of the chain's newest token: the HTTP status (0: no answer). */
        int refresh(int chain) throws InterruptedException {
            try {
                HttpResponse<String> r = post(tokenUrl, "application/x-www-form-urlencoded",
                        form("grant_type", "refresh_token", "refresh_token", tokens[chain], "client_id", clientId));
                if (r.statusCode() == 200) {
                    String next = field(r.body(), "refresh_token");
                    if (next.equals(tokens[chain])) {
                        report(chain, 200, "the same refresh token came back (no rotation)");
                        return -200;
                    }
                    tokens[chain] = next;
                    return 200;
                }
                report(chain, r.statusCode(), r.body());
                return r.statusCode();
            } catch (IOException | IllegalStateException e) {
                report(chain, 0, e.toString());
                return 0;
            }
        }

        void report(int chain, int status, String body) {
            if (printed.incrementAndGet() <= 20) {
                log("error: chain %d: status %d: %s", chain, status, abbreviate(body));
            }
        }
    }

    record Result(int requests, long errors, Map<Integer, Long> statuses, double seconds, long[] sortedNs,
            double serverCpu, double jitCpu, double gcCpu, double clientCpu, long[] rssKb, double load1) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (sortedNs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sortedNs.length) - 1;
            return sortedNs[Math.max(0, Math.min(sortedNs.length - 1, i))] / 1e6;
        }

        double rssMaxMb() {
            return Arrays.stream(rssKb).max().orElse(0) / 1024.0;
        }

        double rssMedianMb() {
            if (rssKb.length == 0) {
                return Double.NaN;
            }
            long[] s = rssKb.clone();
            Arrays.sort(s);
            return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1024.0;
        }

        String line() {
            return String.format(Locale.ROOT, "%d ok, %d errors %s, %.1f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms; "
                            + "server %.2f CPU-s (JIT %.2f, GC %.2f) = %.1f per CPU-s (%.1f without JIT); "
                            + "RSS max %.0f MB, median %.0f MB; client %.2f CPU-s; load %.2f",
                    requests, errors, statuses, throughput(), percentileMs(50), percentileMs(99), percentileMs(100),
                    serverCpu, jitCpu, gcCpu, requests / serverCpu, requests / (serverCpu - jitCpu), rssMaxMb(),
                    rssMedianMb(), clientCpu, load1);
        }

        String json(String tag, String target, int round, String step) {
            StringBuilder samples = new StringBuilder();
            for (long kb : rssKb) {
                samples.append(samples.length() == 0 ? "" : ",").append(Math.round(kb / 1024.0));
            }
            StringBuilder st = new StringBuilder();
            statuses.forEach((s, c) -> st.append(st.length() == 0 ? "" : ",").append('"').append(s).append("\":").append(c));
            return String.format(Locale.ROOT, "{\"tag\":\"%s\",\"target\":\"%s\",\"round\":%d,\"step\":\"%s\","
                            + "\"requests\":%d,\"errors\":%d,\"error_statuses\":{%s},\"seconds\":%.3f,"
                            + "\"throughput\":%.2f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                            + "\"server_cpu_s\":%.3f,\"per_cpu_s\":%.1f,\"cpu_ms_per_req\":%.3f,\"jit_cpu_s\":%.3f,"
                            + "\"per_cpu_s_excl_jit\":%.1f,\"gc_cpu_s\":%.3f,\"gc_cpu_ms_per_req\":%.3f,"
                            + "\"rss_max_mb\":%.1f,\"rss_median_mb\":%.1f,\"rss_samples_mb\":[%s],"
                            + "\"client_cpu_s\":%.3f,\"load1\":%.2f}",
                    tag, target, round, step, requests, errors, st, seconds, throughput(), percentileMs(50),
                    percentileMs(90), percentileMs(99), percentileMs(100), serverCpu, requests / serverCpu,
                    1000 * serverCpu / requests, jitCpu, requests / (serverCpu - jitCpu), gcCpu,
                    1000 * gcCpu / requests, rssMaxMb(), rssMedianMb(), samples, clientCpu, load1)
                    .replace("NaN", "null").replace("Infinity", "null");
        }
    }

    /** The string value of a top-level JSON field (enough for token responses). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            throw new IllegalStateException("no " + name + " in " + Load.abbreviate(json));
        }
        int from = i + key.length();
        return json.substring(from, json.indexOf('"', from));
    }

    static final long CLK_TCK = 100; // Linux USER_HZ; bench/lib.sh checks `getconf CLK_TCK`

    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) CLK_TCK;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double jitSeconds(long pid) {
        return threadSeconds(pid, "C1 CompilerThre", "C2 CompilerThre");
    }

    static double gcSeconds(long pid) {
        return threadSeconds(pid, "GC Thread", "G1 ", "VM Thread");
    }

    static double threadSeconds(long pid, String... namePrefixes) {
        if (pid <= 0) {
            return Double.NaN;
        }
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (Arrays.stream(namePrefixes).anyMatch(comm::startsWith)) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / (double) CLK_TCK;
    }

    static long rssKb(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return 0;
    }

    static double clientCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
