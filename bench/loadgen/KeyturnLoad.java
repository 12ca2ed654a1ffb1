import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keyturn load generator for refresh rotation and login (bench/README.md). A single-file program: run it with
 * {@code java bench/loadgen/KeyturnLoad.java [options]}, JDK 17, no dependencies.
 * <p>
 * Each of {@code --chains} worker threads owns one user and, for refresh, one refresh-token chain: it always
 * presents its newest token (body mode), so rotation never hits the grace window or reuse detection. At a fixed
 * rate the load is open-loop: request k is due at start + k/rate and its latency counts from that due time, so a
 * server that falls behind shows it in the latency (no coordinated omission). At {@code max} every worker sends
 * its next request as soon as the previous one is answered.
 * <p>
 * Server CPU seconds (utime + stime of {@code /proc/PID/stat}) and resident memory (VmRSS, sampled every 250 ms)
 * are read around each measured interval when the target names the server's PID. One JSON line per run is
 * appended to {@code --out}.
 *
 * <pre>
 * options:
 *   --mode refresh|login|ping    what each request does (default refresh); ping: GET /api/ping, no users, for
 *                                bench/floor, the trivial application bench/memory-floor.sh measures beside Keyturn
 *   --target NAME=URL[@PID[,DBPID]]  repeatable; rounds visit the targets in turn (interleaved). PID: the
 *                                server JVM; DBPID: a separate database server whose CPU is reported too
 *   --chains N                   worker threads = users = token chains per target (default 16)
 *   --plan STEPS                 comma-separated steps per round and target: max | half (of this round's max) |
 *                                rate:R (requests/s) (default max,half)
 *   --rounds N                   (default 3)
 *   --duration S                 seconds per measured run (default 20)
 *   --warmup S                   seconds at max per target before the rounds (default 10)
 *   --out FILE                   JSON lines (default: none)
 *   --tag TEXT                   copied into every JSON line (e.g. the item and database)
 *   --password TEXT              password of the registered users (default a 24-character one)
 *   --users NAME                 name the users bNAMEx0, bNAMEx1, ... (default: a new name per run)
 *   --registered yes             login mode: the --users are registered already (by an earlier run), so none is
 *                                registered now: a registration takes other paths through the same server code
 *                                (Hibernate, the EJB container) and deoptimizes the login's compiled code
 * </pre>
 */
public class KeyturnLoad {

    static final String PASSWORD_DEFAULT = "bench password 0123456789";

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = parse(args);
        String mode = one(opts, "mode", "refresh");
        int chains = Integer.parseInt(one(opts, "chains", "16"));
        List<String> plan = List.of(one(opts, "plan", "max,half").split(","));
        int rounds = Integer.parseInt(one(opts, "rounds", "3"));
        double duration = Double.parseDouble(one(opts, "duration", "20"));
        double warmup = Double.parseDouble(one(opts, "warmup", "10"));
        String out = one(opts, "out", null);
        String tag = one(opts, "tag", mode);
        String password = one(opts, "password", PASSWORD_DEFAULT);
        String users = one(opts, "users", Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
                + Long.toString((long) (Math.random() * 1296), 36));
        boolean registered = one(opts, "registered", "no").equals("yes");
        if (!List.of("refresh", "login", "ping").contains(mode)) {
            throw new IllegalArgumentException("--mode refresh, login or ping");
        }
        if (registered && !mode.equals("login")) {
            throw new IllegalArgumentException("--registered yes needs --mode login (refresh needs each user's token)");
        }
        List<Target> targets = new ArrayList<>();
        for (String t : opts.getOrDefault("target", List.of())) {
            targets.add(Target.parse(t, chains, password));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one --target NAME=URL[@PID]");
        }
        for (Target t : targets) {
            if (registered || mode.equals("ping")) {
                t.named(users);
                continue;
            }
            long t0 = System.nanoTime();
            t.setUp(users);
            log("%s: %d users registered in %.1f s", t.name, chains, (System.nanoTime() - t0) / 1e9);
        }
        if (warmup > 0) {
            for (Target t : targets) {
                Result w = t.run(mode, 0, warmup);
                log("%s warm-up: %s", t.name, w.line());
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (Target t : targets) {
                double peak = Double.NaN;
                for (String step : plan) {
                    double rate;
                    if (step.equals("max")) {
                        rate = 0;
                    } else if (step.equals("half")) {
                        if (Double.isNaN(peak)) {
                            throw new IllegalArgumentException("plan step half needs a max step before it");
                        }
                        rate = Math.floor(peak / 2);
                    } else if (step.startsWith("rate:")) {
                        rate = Double.parseDouble(step.substring(5));
                    } else {
                        throw new IllegalArgumentException("unknown plan step " + step);
                    }
                    Result r = t.run(mode, rate, duration);
                    if (step.equals("max")) {
                        peak = r.throughput();
                    }
                    log("round %d %s %s: %s", round, t.name, step, r.line());
                    if (out != null) {
                        String json = r.json(tag, t.name, round, step);
                        Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
            }
        }
        System.exit(0);
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "%tT [loadgen] %s%n", System.currentTimeMillis(),
                String.format(Locale.ROOT, format, args));
    }

    static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            opts.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return opts;
    }

    static String one(Map<String, List<String>> opts, String name, String dflt) {
        List<String> values = opts.get(name);
        return values == null ? dflt : values.get(values.size() - 1);
    }

    /** One Keyturn server: its URL, its process (for CPU and memory) and its users and token chains. */
    static final class Target {
        final String name;
        final String base;
        final long pid;
        final long dbPid;
        final int chains;
        final String password;
        final HttpClient http;
        final String[] usernames;
        final String[] refreshTokens;

        Target(String name, String base, long pid, long dbPid, int chains, String password) {
            this.name = name;
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.pid = pid;
            this.dbPid = dbPid;
            this.chains = chains;
            this.password = password;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(2, r -> {
                        Thread t = new Thread(r, "http-" + name);
                        t.setDaemon(true);
                        return t;
                    }))
                    .build();
            this.usernames = new String[chains];
            this.refreshTokens = new String[chains];
        }

        static Target parse(String spec, int chains, String password) {
            int eq = spec.indexOf('=');
            String name = spec.substring(0, eq);
            String rest = spec.substring(eq + 1);
            long pid = -1;
            long dbPid = -1;
            int at = rest.lastIndexOf('@');
            if (at > 0) {
                String[] pids = rest.substring(at + 1).split(",");
                pid = Long.parseLong(pids[0]);
                if (pids.length > 1) {
                    dbPid = Long.parseLong(pids[1]);
                }
                rest = rest.substring(0, at);
            }
            return new Target(name, rest, pid, dbPid, chains, password);
        }

        /** The users' names: bUSERSx0, bUSERSx1, ... (registered by setUp, or by an earlier run with the same name). */
        void named(String users) {
            for (int n = 0; n < chains; n++) {
                usernames[n] = "b" + users + "x" + n;
            }
        }

        /** Registers one user per chain (in parallel, 2 at a time: each costs a password hash). */
        void setUp(String users) throws Exception {
            named(users);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < chains; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    String user = usernames[n];
                    String body = "{\"username\":\"" + user + "\",\"email\":\"" + user + "@example.com\","
                            + "\"password\":\"" + password + "\"}";
                    HttpResponse<String> r = post("/api/auth/register", body);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("register " + user + ": " + r.statusCode() + " " + r.body());
                    }
                    refreshTokens[n] = field(r.body(), "refreshToken");
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("X-Token-Mode", "body")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        /** One request of the chain; false when it failed. */
        boolean once(String mode, int chain) {
            try {
                if (mode.equals("ping")) {
                    HttpRequest ping = HttpRequest.newBuilder(URI.create(base + "/api/ping"))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    return http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                }
                if (mode.equals("refresh")) {
                    HttpResponse<String> r = post("/api/auth/refresh",
                            "{\"refreshToken\":\"" + refreshTokens[chain] + "\"}");
                    if (r.statusCode() == 200) {
                        refreshTokens[chain] = field(r.body(), "refreshToken");
                        return true;
                    }
                    if (r.statusCode() == 401) {
                        relogin(chain);
                    }
                    return false;
                }
                HttpResponse<String> r = post("/api/auth/login",
                        "{\"username\":\"" + usernames[chain] + "\",\"password\":\"" + password + "\"}");
                return r.statusCode() == 200 && r.body().contains("\"accessToken\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** A chain whose token was refused starts over with a new login (counted as an error already). */
        void relogin(int chain) throws IOException, InterruptedException {
            HttpResponse<String> r = post("/api/auth/login",
                    "{\"username\":\"" + usernames[chain] + "\",\"password\":\"" + password + "\"}");
            if (r.statusCode() == 200) {
                refreshTokens[chain] = field(r.body(), "refreshToken");
            }
        }

        /** One measured run: rate requests/s open-loop, or 0 for as fast as the chains go. */
        Result run(String mode, double rate, double seconds) throws Exception {
            long startNs = System.nanoTime() + 50_000_000L;
            long endNs = startNs + (long) (seconds * 1e9);
            double periodNs = rate > 0 ? 1e9 / rate : 0;
            AtomicLong ticket = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long[][] latencies = new long[chains][];
            int[] counts = new int[chains];
            CountDownLatch finished = new CountDownLatch(chains);
            AtomicBoolean sampling = new AtomicBoolean(true);
            long[] rssMaxKb = {0};
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    rssMaxKb[0] = Math.max(rssMaxKb[0], rssKb(pid));
                    LockSupport.parkNanos(250_000_000L);
                }
            });
            sampler.setDaemon(true);
            for (int i = 0; i < chains; i++) {
                int chain = i;
                latencies[i] = new long[1024];
                Thread worker = new Thread(() -> {
                    try {
                        while (true) {
                            long due;
                            if (periodNs > 0) {
                                due = startNs + (long) (ticket.getAndIncrement() * periodNs);
                                if (due >= endNs) {
                                    break;
                                }
                                long wait;
                                while ((wait = due - System.nanoTime()) > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                            } else {
                                long t = System.nanoTime();
                                if (t < startNs) {
                                    LockSupport.parkNanos(startNs - t);
                                    t = System.nanoTime();
                                }
                                if (t >= endNs) {
                                    break;
                                }
                                due = t;
                            }
                            boolean ok = once(mode, chain);
                            long latency = System.nanoTime() - due;
                            if (!ok) {
                                errors.incrementAndGet();
                                continue;
                            }
                            if (counts[chain] == latencies[chain].length) {
                                latencies[chain] = Arrays.copyOf(latencies[chain], counts[chain] * 2);
                            }
                            latencies[chain][counts[chain]++] = latency;
                        }
                    } finally {
                        finished.countDown();
                    }
                }, "chain-" + chain);
                worker.setDaemon(true);
                worker.start();
            }
            LockSupport.parkNanos(Math.max(0, startNs - System.nanoTime()));
            double cpu0 = cpuSeconds(pid);
            double jit0 = jitSeconds(pid);
            double gc0 = gcSeconds(pid);
            double dbCpu0 = cpuSeconds(dbPid);
            double clientCpu0 = clientCpuSeconds();
            sampler.start();
            finished.await();
            long lastNs = System.nanoTime();
            double cpu1 = cpuSeconds(pid);
            double jit1 = jitSeconds(pid);
            double gc1 = gcSeconds(pid);
            double dbCpu1 = cpuSeconds(dbPid);
            double clientCpu1 = clientCpuSeconds();
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
            return new Result(rate, n, errors.get(), (lastNs - startNs) / 1e9, all,
                    pid > 0 ? cpu1 - cpu0 : Double.NaN, pid > 0 ? jit1 - jit0 : Double.NaN,
                    pid > 0 ? gc1 - gc0 : Double.NaN,
                    dbPid > 0 ? dbCpu1 - dbCpu0 : Double.NaN,
                    clientCpu1 - clientCpu0, rssMaxKb[0] / 1024.0, load1());
        }
    }

    record Result(double rateTarget, int requests, long errors, double seconds, long[] sortedNs, double serverCpu,
            double jitCpu, double gcCpu, double dbCpu, double clientCpu, double rssMaxMb, double load1) {

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

        double perCpuSecond() {
            return requests / serverCpu;
        }

        /** Per CPU-second of the server without its JIT compiler threads (still compiling after a short warm-up). */
        double perCpuSecondExclJit() {
            return requests / (serverCpu - jitCpu);
        }

        /** Per CPU-second of the server and, when it is a separate process, the database together. */
        double perCpuSecondWithDb() {
            return Double.isNaN(dbCpu) ? Double.NaN : requests / (serverCpu + dbCpu);
        }

        String line() {
            return String.format(Locale.ROOT, "%d ok, %d errors, %.1f/s (target %s), p50 %.2f ms, p99 %.2f ms, "
                            + "max %.1f ms; server %.2f CPU-s (JIT %.2f, GC %.2f) = %.0f per CPU-s (with db %.0f), "
                            + "RSS max %.0f MB; "
                            + "client %.2f CPU-s",
                    requests, errors, throughput(), rateTarget > 0 ? String.format(Locale.ROOT, "%.0f/s", rateTarget)
                            : "max", percentileMs(50), percentileMs(99), percentileMs(100), serverCpu, jitCpu,
                    gcCpu, perCpuSecond(), perCpuSecondWithDb(), rssMaxMb, clientCpu);
        }

        String json(String tag, String target, int round, String step) {
            return String.format(Locale.ROOT, "{\"tag\":\"%s\",\"target\":\"%s\",\"round\":%d,\"step\":\"%s\","
                            + "\"rate_target\":%.1f,\"requests\":%d,\"errors\":%d,\"seconds\":%.3f,"
                            + "\"throughput\":%.2f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                            + "\"server_cpu_s\":%.3f,\"per_cpu_s\":%.1f,\"db_cpu_s\":%.3f,\"per_cpu_s_with_db\":%.1f,"
                            + "\"cpu_ms_per_req\":%.3f,\"jit_cpu_s\":%.3f,\"per_cpu_s_excl_jit\":%.1f,"
                            + "\"gc_cpu_s\":%.3f,\"gc_cpu_ms_per_req\":%.3f,"
                            + "\"rss_max_mb\":%.1f,\"client_cpu_s\":%.3f,"
                            + "\"load1\":%.2f}",
                    tag, target, round, step, rateTarget, requests, errors, seconds, throughput(), percentileMs(50),
                    percentileMs(90), percentileMs(99), percentileMs(100), serverCpu, perCpuSecond(), dbCpu,
                    perCpuSecondWithDb(), 1000 * serverCpu / requests, jitCpu, perCpuSecondExclJit(), gcCpu,
                    1000 * gcCpu / requests, rssMaxMb,
                    clientCpu, load1).replace("NaN", "null");
        }
    }

    /** The string value of a top-level JSON field (enough for Keyturn's token responses). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int i = json.indexOf(key);
        if (i < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
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

    /** CPU seconds of the process's JIT compiler threads (C1, C2) that exist now. */
    static double jitSeconds(long pid) {
        return threadSeconds(pid, "C1 CompilerThre", "C2 CompilerThre");
    }

    /**
     * CPU seconds of the process's garbage collector threads that exist now: the parallel workers ("GC Thread#n"),
     * G1's concurrent threads ("G1 Conc#n", "G1 Refine#n", "G1 Main Marker", "G1 Service") and the VM thread, which
     * runs the pauses' safepoints (and all of Serial GC's work).
     */
    static double gcSeconds(long pid) {
        return threadSeconds(pid, "GC Thread", "G1 ", "VM Thread");
    }

    /** CPU seconds of the process's threads whose name starts with one of the prefixes. */
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
