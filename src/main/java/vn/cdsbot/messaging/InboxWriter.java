package vn.cdsbot.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.storage.StorageException;

/**
 * Group commit for the webhook: one thread takes every event waiting to be stored and commits them together
 * in one transaction, then completes each caller's future. A request is answered 200 only after its future
 * completed, i.e. after the commit, so the durability promise is unchanged; what changes is that a burst
 * costs one write-lock hand-off and one commit per batch instead of per event (measured: docs/benchmarks.md).
 */
public final class InboxWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);
    static final int MAX_BATCH = 256;

    private record Job(Inbox.Arrival arrival, CompletableFuture<Boolean> fresh) {}

    private final Inbox inbox;
    private final Runnable onCommitted;
    private final BlockingQueue<Job> queue;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param onCommitted run after each batch that stored a new event (wakes the inbox worker) */
    public InboxWriter(Inbox inbox, int capacity, Runnable onCommitted) {
        this.inbox = inbox;
        this.onCommitted = onCommitted;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "inbox-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues the event; the future completes after the commit (true = new, false = already stored) or fails with
     * a {@link StorageException}, also at once when the queue is full.
     */
    public CompletableFuture<Boolean> submit(Inbox.Arrival arrival) {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        if (!running || !queue.offer(new Job(arrival, f))) {
            f.completeExceptionally(new StorageException("inbox writer " + (running ? "overloaded" : "stopped"), null));
        }
        return f;
    }

    private void run() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                log.error("Inbox writer: {}", e.toString(), e);
                for (Job j : batch) j.fresh().completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
        for (Job j; (j = queue.poll()) != null; ) j.fresh().completeExceptionally(new StorageException("inbox writer stopped", null));
    }

    private void commit(List<Job> batch) {
        boolean[] fresh;
        try {
            fresh = inbox.acceptAll(batch.stream().map(Job::arrival).toList());
        } catch (StorageException e) {
            if (batch.size() == 1) throw e;
            // Nothing of the batch was stored. Try one by one so a single bad event cannot fail its neighbours.
            boolean any = false;
            for (Job j : batch) {
                try {
                    boolean f = inbox.acceptAll(List.of(j.arrival()))[0];
                    any |= f;
                    j.fresh().complete(f);
                } catch (StorageException one) {
                    j.fresh().completeExceptionally(one);
                }
            }
            if (any) onCommitted.run();
            return;
        }
        boolean any = false;
        for (boolean f : fresh) any |= f;
        if (any) onCommitted.run();
        for (int i = 0; i < fresh.length; i++) batch.get(i).fresh().complete(fresh[i]);
    }

    /** Stops taking events, commits what is queued, then returns. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
