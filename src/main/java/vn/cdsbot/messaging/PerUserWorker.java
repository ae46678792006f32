package vn.cdsbot.messaging;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a durable queue: items of one user are handled one at a time in the order the source lists them,
 * items of different users in parallel. The handler must record the item as done (or rescheduled) before it
 * returns; the source then stops listing it. Woken on new work, and polls anyway so nothing is stranded
 * after a restart.
 *
 * <p>At most {@code 4 × threads} items are handed out at once, and the queue is read again only when half of
 * those slots are free (or nothing is running). Reading it after every single item, as an earlier version did,
 * meant one query of hundreds of rows per handled item: under a backlog the two dispatch threads used more CPU
 * than the handlers and the webhook together.
 */
public final class PerUserWorker<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PerUserWorker.class);

    private final String name;
    private final Supplier<List<T>> source;
    private final Function<T, String> userOf;
    private final Consumer<T> handler;
    private final Duration idlePoll;
    private final int maxInFlight;
    private final int refillAt;
    private final ExecutorService pool;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    /** Users whose item finished; released only before the next read, so a stale read never re-dispatches. */
    private final java.util.Queue<String> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;

    public PerUserWorker(String name, int threads, Supplier<List<T>> source, Function<T, String> userOf,
                         Consumer<T> handler, Duration idlePoll) {
        this.name = name;
        this.source = source;
        this.userOf = userOf;
        this.handler = handler;
        this.idlePoll = idlePoll;
        this.maxInFlight = threads * 4;
        this.refillAt = threads * 2;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        loop = new Thread(this::run, name + "-dispatch");
        loop.setDaemon(true);
        loop.start();
    }

    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                dispatchOnce();
            } catch (RuntimeException e) {
                log.error("{}: cannot read the queue: {}", name, e.toString());
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(idlePoll.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    private void dispatchOnce() {
        for (String done; (done = finished.poll()) != null; ) busy.remove(done);
        int free = maxInFlight - busy.size();
        if (free < refillAt && !busy.isEmpty()) return;   // the next completions wake us again
        Set<String> seen = new HashSet<>();
        for (T item : source.get()) {
            if (free == 0) break;
            String user = userOf.apply(item);
            if (!seen.add(user)) continue;          // only each user's head item
            if (!busy.add(user)) continue;          // that user is still being served
            free--;
            pool.execute(() -> {
                try {
                    handler.accept(item);
                } catch (RuntimeException e) {
                    log.error("{}: handler failed: {}", name, e.toString(), e);
                } finally {
                    finished.add(user);
                    wake();
                }
            });
        }
    }

    /** Items currently being handled. */
    public int inFlight() {
        return busy.size();
    }

    @Override
    public void close() {
        running = false;
        wake();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) pool.shutdownNow();
            if (loop != null) loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
