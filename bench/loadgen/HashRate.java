import io.keyturn.users.control.PasswordHasher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw password-check rate at Keyturn's Argon2id settings: Keyturn's own users.control.PasswordHasher (a login
 * checks the presented password against the stored PHC string with PasswordHasher.check), outside the server.
 * bench/login.sh runs it with the WAR's classes and its Bouncy Castle jar, both taken from target/keyturn.war:
 *
 * java -cp WEB-INF/classes:bcprov.jar bench/loadgen/HashRate.java THREADS SECONDS [MEMORY_KIB ITERATIONS PARALLELISM]
 *
 * Prints one JSON line: checks per second over all threads, this JVM's CPU milliseconds per check, and the CPU of its
 * garbage collector's threads (named as in KeyturnLoad.gcSeconds, so both sides of bench/login.sh count alike).
 */
public class HashRate {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        int memory = args.length > 2 ? Integer.parseInt(args[2]) : 19456;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        PasswordHasher hasher = new PasswordHasher(memory, iterations, parallelism);
        String password = "bench password 0123456789";
        String stored = hasher.hash(password);
        // warm-up: about 2 s
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            hasher.check(password, stored);
        }
        AtomicLong checks = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        double cpu0 = cpu();
        double gc0 = gcCpu();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (!hasher.check(password, stored).matches()) {
                        throw new IllegalStateException("check failed");
                    }
                    checks.incrementAndGet();
                }
                done.countDown();
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = cpu() - cpu0;
        double gc = gcCpu() - gc0;
        long n = checks.get();
        System.out.printf(Locale.ROOT, "{\"threads\":%d,\"params\":\"m=%d,t=%d,p=%d\",\"requests\":%d,\"seconds\":%.3f,"
                        + "\"throughput\":%.2f,\"server_cpu_s\":%.3f,\"per_cpu_s\":%.2f,\"cpu_ms_per_req\":%.3f,"
                        + "\"gc_cpu_s\":%.3f,\"gc_cpu_ms_per_req\":%.3f}%n",
                threads, memory, iterations, parallelism, n, elapsed, n / elapsed, cpu, n / cpu, 1000 * cpu / n, gc,
                1000 * gc / n);
    }

    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** CPU seconds of this JVM's garbage collector threads and VM thread (Linux: /proc/self/task). */
    static double gcCpu() throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks / 100.0; // Linux USER_HZ, as in KeyturnLoad
    }
}
