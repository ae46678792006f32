package vn.cdsbot.summary;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.UserError;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.StorageException;

/**
 * Builds documents (report drafts, spreadsheets, charts) off the chat thread, on a small bounded pool of its own.
 *
 * <p>A request's reply waits for the document up to {@link Pace#patience} (about a second): a quick build is
 * answered in the request's own transaction, as if nothing had changed. A slower one is answered "on its way" at
 * once, so the member's next message is handled meanwhile; the document is queued through the outbox (durable) in
 * a transaction of its own when it is ready. The build only reads, on a connection of its own, so it never holds the
 * writers' lock the chat needs.
 *
 * <p>A crash or restart during a slow build loses that build: the request is in the audit log and the user had the
 * "on its way" line, but the document is not sent; they ask again. Nothing stored is half-written, because the
 * file, its link and its messages are committed together.
 */
public final class DocumentDesk implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DocumentDesk.class);
    static final String BUSY = "Bot đang soạn nhiều văn bản cùng lúc. Bạn vui lòng gửi lại yêu cầu sau ít phút.";
    static final String FAILED = "Xin lỗi, bot gặp sự cố khi soạn văn bản bạn yêu cầu. Bạn vui lòng gửi lại yêu cầu "
            + "sau ít phút.";
    private static final int THREADS = 2;
    private static final int QUEUE = 8;

    /**
     * How long a reply waits for its document before saying it is on its way, and what runs before each build.
     * Production holds nothing; a test can hold a build to watch the chat go on meanwhile.
     */
    public record Pace(Duration patience, Hold hold) {
        public static final Pace NORMAL = new Pace(Duration.ofSeconds(1), document -> {});
    }

    /** Called on the desk's thread before a build starts; {@code document} is the command's name. */
    @FunctionalInterface
    public interface Hold {
        void before(String document) throws InterruptedException;
    }

    /** Builds a document from the database (read only). */
    @FunctionalInterface
    interface Build<T> {
        T build(Connection c) throws Exception;
    }

    /** Stores what was built and says what to send, inside the transaction that queues it. */
    @FunctionalInterface
    interface Finish<T> {
        List<Reply> finish(Connection tx, T built, Instant now) throws Exception;
    }

    private final Database db;
    private final Clock clock;
    private final Runnable wakeOutbox;
    private final Pace pace;
    private final ThreadPoolExecutor pool;

    DocumentDesk(Database db, Clock clock, Runnable wakeOutbox, Pace pace) {
        this.db = db;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
        this.pace = pace;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "documents");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);   // documents are occasional: no idle threads between them
    }

    /**
     * Builds a document for the call: its replies if it is ready within the patience, else {@code waiting} now and
     * the document later. A {@link UserError} from the build is the user's answer either way.
     */
    <T> List<Reply> run(CommandCall call, String document, String waiting, Build<T> build, Finish<T> finish)
            throws Exception {
        Slot<T> slot = new Slot<>();
        String userId = call.sender().userId();
        long inboxId = call.message().inboxId();
        try {
            pool.execute(() -> work(slot, document, userId, inboxId, build, finish));
        } catch (RejectedExecutionException e) {
            log.warn("Document desk full: {} for {} refused", document, userId);
            throw new UserError(BUSY);
        }
        if (!slot.awaitWithin(pace.patience())) {
            log.info("Document {} takes longer than {} ms: the user is told it is on its way", document,
                    pace.patience().toMillis());
            return List.of(Reply.text(waiting));
        }
        if (slot.error instanceof Exception e) throw e;
        if (slot.error != null) throw new IllegalStateException(slot.error);
        return finish.finish(call.tx(), slot.result, call.now());
    }

    private <T> void work(Slot<T> slot, String document, String userId, long inboxId, Build<T> build, Finish<T> finish) {
        T result = null;
        Throwable error = null;
        try {
            pace.hold().before(document);
            result = db.read(build::build);
        } catch (StorageException e) {
            // db.read wraps what the build throws; a UserError is an answer for the user, not a storage failure.
            error = e.getCause() instanceof UserError u ? u : e;
        } catch (Throwable t) {
            error = t;
        }
        if (slot.complete(result, error)) deliverLate(document, userId, inboxId, result, error, finish);
    }

    /**
     * The reply has gone without the document: queue it (or why there is none) in a transaction of its own, still as
     * the answer to the user's message (its inbox id), not as a message the bot started.
     */
    private <T> void deliverLate(String document, String userId, long inboxId, T result, Throwable error,
                                 Finish<T> finish) {
        try {
            db.inTransaction(tx -> {
                List<Reply> replies;
                if (error == null) {
                    replies = finish.finish(tx, result, clock.instant());
                } else if (error instanceof UserError u) {
                    replies = List.of(Reply.text(u.getMessage()));
                } else {
                    log.error("Document {} for {} failed: {}", document, userId, error.toString(), error);
                    replies = List.of(Reply.text(FAILED));
                }
                Outbox.enqueue(tx, userId, inboxId, replies, clock.millis());
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Document {} for {} could not be queued: {}", document, userId, e.toString(), e);
            try {
                db.inTransaction(tx -> {
                    Outbox.enqueue(tx, userId, inboxId, List.of(Reply.text(FAILED)), clock.millis());
                    return null;
                });
            } catch (RuntimeException again) {
                log.error("Nor could the apology: {}", again.toString());
            }
        }
        wakeOutbox.run();
    }

    /** Lets running builds finish (they queue their documents), then stops. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a build's outcome to whoever still wants it: the waiting reply, or else the desk's own delivery. */
    private static final class Slot<T> {
        private T result;
        private Throwable error;
        private boolean done;
        private boolean late;

        /** Records the outcome; true when the reply stopped waiting, so the builder must deliver it. */
        synchronized boolean complete(T result, Throwable error) {
            this.result = result;
            this.error = error;
            this.done = true;
            notifyAll();
            return late;
        }

        /** Waits for the outcome; false (and the builder delivers) when it is not there in time. */
        synchronized boolean awaitWithin(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    late = true;
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
