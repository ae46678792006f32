package vn.cdsbot.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Load over loopback with the JDK client: closed loop (N connections flat out) or open loop (fixed rate). */
final class Load {

    /** Builds request number {@code seq}; {@code startNanos} is when it is (meant to be) sent. */
    @FunctionalInterface
    interface Requests {
        HttpRequest next(long seq, long startNanos);
    }

    record Result(String name, long ok, long failed, double seconds, Latencies ack) {
        double perSecond() {
            return ok / seconds;
        }
    }

    /** Several runs of the same load as one: counts and times added, latencies pooled. */
    static Result combine(String name, List<Result> runs) {
        Latencies all = new Latencies();
        long ok = 0;
        long failed = 0;
        double seconds = 0;
        for (Result r : runs) {
            all.addAll(r.ack());
            ok += r.ok();
            failed += r.failed();
            seconds += r.seconds();
        }
        return new Result(name, ok, failed, seconds, all);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** {@code connections} senders, each posting and waiting for the answer, until time or count runs out. */
    static Result closedLoop(String name, HttpClient http, int connections, Duration duration, long maxRequests,
                             Requests requests) throws InterruptedException {
        AtomicLong seq = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies ack = new Latencies();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = seq.getAndIncrement();
                    if (n >= maxRequests) return;
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(requests.next(n, t0), HttpResponse.BodyHandlers.discarding());
                        ack.add(System.nanoTime() - t0);
                        if (r.statusCode() == 200) ok.incrementAndGet(); else failed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "load-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        return new Result(name, ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, ack);
    }

    /**
     * Sends at a fixed rate whatever the answers do. Latency counts from the moment each request was due,
     * so a stalled server cannot hide its stall (no coordinated omission).
     */
    static Result fixedRate(String name, HttpClient http, int perSecond, Duration duration, Requests requests)
            throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies ack = new Latencies();
        long total = (long) perSecond * duration.toSeconds();
        long period = 1_000_000_000L / perSecond;
        Phaser outstanding = new Phaser(1);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            outstanding.register();
            http.sendAsync(requests.next(i, due), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                ack.add(System.nanoTime() - due);
                if (e == null && r.statusCode() == 200) ok.incrementAndGet(); else failed.incrementAndGet();
                outstanding.arriveAndDeregister();
            });
        }
        try {
            outstanding.awaitAdvanceInterruptibly(outstanding.arrive(), 30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // the stragglers count as failed below
        }
        long done = ok.get() + failed.get();
        return new Result(name, ok.get(), failed.get() + (total - done), (System.nanoTime() - start) / 1e9, ack);
    }
}
