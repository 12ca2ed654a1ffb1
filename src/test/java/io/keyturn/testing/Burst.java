package io.keyturn.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Requests released at the same moment, each on a thread of its own, as an attacker's burst would arrive. */
public final class Burst {

    private Burst() {
    }

    public static List<Http.Reply> send(List<Supplier<Http.Reply>> requests) {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (Supplier<Http.Reply> request : requests) {
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.get();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Http.Reply> answered = new ArrayList<>();
            for (Future<Http.Reply> reply : replies) {
                answered.add(reply.get(120, TimeUnit.SECONDS));
            }
            return answered;
        } catch (Exception e) {
            throw new IllegalStateException("the burst did not complete", e);
        } finally {
            threads.shutdownNow();
        }
    }

    public static long count(List<Http.Reply> replies, int status) {
        return replies.stream().filter(reply -> reply.status() == status).count();
    }
}
