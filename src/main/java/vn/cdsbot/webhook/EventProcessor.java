package vn.cdsbot.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;

/**
 * Handles one stored event. Everything it changes (feature data, the replies in the outbox, the event's
 * status) is committed in one transaction, so a crash replays the event from scratch instead of half of it.
 * Files a user sent are downloaded before that transaction opens (never while holding SQLite's write lock), and
 * only for senders whose role may send files.
 */
public final class EventProcessor {
    private static final Logger log = LoggerFactory.getLogger(EventProcessor.class);

    private final Database db;
    private final ChatRouter router;
    private final List<PersonalData> personalData;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final Runnable wakeOutbox;
    private final MeterRegistry metrics;
    private final ZoneId zone;
    private final Incoming.Fetcher fetcher;
    /** Enrolled members held back by the rate limit, and until when (epoch ms); see {@link #deferred}. */
    private final Map<String, Long> deferredUntil = new ConcurrentHashMap<>();

    public EventProcessor(Database db, ChatRouter router, List<PersonalData> personalData, RateLimiter rateLimiter,
                          Clock clock, ZoneId zone, Runnable wakeOutbox, MeterRegistry metrics, Incoming.Fetcher fetcher) {
        this.fetcher = fetcher;
        this.zone = zone;
        this.db = db;
        this.router = router;
        this.personalData = List.copyOf(personalData);
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
        this.metrics = metrics;
    }

    /** Whether the user's events wait for now (an enrolled member over the rate limit); the dispatcher skips them. */
    public boolean isDeferred(String userId) {
        Long until = deferredUntil.get(userId);
        return until != null && clock.millis() < until;
    }

    public void process(Inbox.Entry entry) {
        long started = clock.millis();
        try {
            WebhookEvent event = EventParser.parse(entry.body().getBytes(StandardCharsets.UTF_8));
            if (event.eventName().equals("user_send_text") && deferred(entry)) return;
            List<Incoming.File> files = fetchFiles(entry, event);   // before the transaction: a download is slow
            db.inTransaction(tx -> {
                List<Reply> replies = handle(entry, event, files, tx);
                Outbox.enqueue(tx, entry.userId(), entry.id(), replies, clock.millis());
                Inbox.markDone(tx, entry.id(), clock.millis());
                return null;
            });
            metrics.counter("cdsbot_events_processed", "result", "ok").increment();
        } catch (Exception e) {
            log.error("Event {} ({}) failed: {}", entry.id(), entry.eventName(), e.toString(), e);
            metrics.counter("cdsbot_events_processed", "result", "failed").increment();
            db.inTransaction(tx -> {
                Inbox.markFailed(tx, entry.id(), clock.millis(), e.getClass().getSimpleName());
                if (entry.eventName().startsWith("user_send_")) {
                    Outbox.enqueue(tx, entry.userId(), entry.id(), List.of(Reply.text(EventTexts.SORRY)), clock.millis());
                }
                return null;
            });
        } finally {
            metrics.timer("cdsbot_event_handling").record(Duration.ofMillis(clock.millis() - started));
            wakeOutbox.run();
        }
    }

    /** The files of a user_send_file, downloaded when the sender may send files, else left unfetched. */
    private List<Incoming.File> fetchFiles(Inbox.Entry entry, WebhookEvent event) {
        if (!event.eventName().equals("user_send_file")) return List.of();
        List<WebhookEvent.Attachment> attached = event.attachments().stream()
                .filter(a -> "file".equals(a.type()) && a.url() != null && !a.url().isBlank()).toList();
        if (attached.isEmpty()) return List.of();
        boolean takes = db.read(c -> router.takesFilesFrom(entry.userId(), c));
        List<Incoming.File> out = new java.util.ArrayList<>();
        for (WebhookEvent.Attachment a : attached) {
            Incoming.Fetched fetched = takes ? fetcher.fetch(a.url(), a.size()) : new Incoming.Fetched.NotFetched();
            metrics.counter("cdsbot_files_received", "result", fetched.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                    .increment();
            out.add(new Incoming.File(a.name(), a.url(), a.size(), fetched));
        }
        return out;
    }

    private List<Reply> handle(Inbox.Entry entry, WebhookEvent event, List<Incoming.File> files, Connection tx)
            throws Exception {
        String user = entry.userId();
        switch (event.eventName()) {
            case "user_send_file" -> {
                UserActivity.touch(tx, user, entry.receivedAt());
                Outbox.releaseRefusedBilled(tx, user, clock.millis());
                if (files.isEmpty()) return List.of(Reply.text(EventTexts.TEXT_ONLY));
                return router.handle(new Incoming(entry.id(), user, event.text(), Instant.ofEpochMilli(entry.receivedAt()),
                        files), tx);
            }
            case "user_send_text" -> {
                UserActivity.touch(tx, user, entry.receivedAt());
                Outbox.releaseRefusedBilled(tx, user, clock.millis());
                return router.handle(new Incoming(entry.id(), user, event.text(), Instant.ofEpochMilli(entry.receivedAt())), tx);
            }
            case "follow" -> {
                UserActivity.touch(tx, user, entry.receivedAt());
                return List.of(Reply.text(EventTexts.WELCOME));
            }
            case "unfollow" -> {
                UserActivity.unfollowed(tx, user);
                return List.of();
            }
            case "user_submit_info" -> {
                UserActivity.touch(tx, user, entry.receivedAt());
                return List.of();
            }
            case "user_withdraw" -> {
                Set<String> users = withdrawing(tx, user, event.userIdByApp());
                for (String u : users) erase(tx, u);
                log.info("Personal data erased for {} user id(s) at their request (inbox event {})", users.size(), entry.id());
                return List.of();
            }
            default -> {
                if (event.isFromUser()) {
                    UserActivity.touch(tx, user, entry.receivedAt());
                    Outbox.releaseRefusedBilled(tx, user, clock.millis());
                    return List.of(Reply.text(EventTexts.TEXT_ONLY));
                }
                return List.of();
            }
        }
    }

    /**
     * The rate limit. An unenrolled sender's flood gets one notice and is then dropped (recorded as done). An
     * enrolled member's message is never dropped: it stays pending in the inbox, the member is told once when the
     * rest will be handled, and the dispatcher skips them until then. A member who was held back is measured by
     * the time of handling from then on, or a backlog received in one burst would be held back for ever.
     *
     * @return true when the event must wait (nothing was committed)
     */
    private boolean deferred(Inbox.Entry entry) {
        String user = entry.userId();
        long at = deferredUntil.containsKey(user) ? Math.max(entry.receivedAt(), clock.millis()) : entry.receivedAt();
        RateLimiter.Verdict verdict = rateLimiter.check(user, at);
        if (verdict == RateLimiter.Verdict.ALLOW) return false;
        if (!db.read(c -> router.isEnrolled(user, c))) {
            db.inTransaction(tx -> {
                UserActivity.touch(tx, user, entry.receivedAt());
                if (verdict == RateLimiter.Verdict.NOTIFY) {
                    Outbox.enqueue(tx, user, entry.id(), List.of(Reply.text(EventTexts.SLOW_DOWN)), clock.millis());
                }
                Inbox.markDone(tx, entry.id(), clock.millis());
                return null;
            });
            metrics.counter("cdsbot_rate_limited", "result", "dropped").increment();
            return true;
        }
        long until = rateLimiter.freeAt(user, at);
        deferredUntil.put(user, until);
        if (verdict == RateLimiter.Verdict.NOTIFY) {
            String when = DateTimeFormatter.ofPattern("HH:mm:ss")
                    .format(Instant.ofEpochMilli(until).atZone(zone));
            db.inTransaction(tx -> {
                Outbox.enqueue(tx, user, null, List.of(Reply.text(EventTexts.deferred(when))), clock.millis());
                return null;
            });
        }
        metrics.counter("cdsbot_rate_limited", "result", "deferred").increment();
        log.info("Inbox event {} of an enrolled member waits for the rate limit until {}", entry.id(),
                Instant.ofEpochMilli(until));
        return true;
    }

    /**
     * Whoever the withdrawal is about: its OA-scoped user id and, when it carries the app-scoped id as well or
     * instead, every OA-scoped id that earlier events showed with that app-scoped id.
     */
    private static Set<String> withdrawing(Connection tx, String user, String userIdByApp)
            throws SQLException {
        Set<String> users = new LinkedHashSet<>();
        if (user != null && !user.isEmpty()) users.add(user);
        if (userIdByApp == null) return users;
        try (PreparedStatement ps = tx.prepareStatement("SELECT DISTINCT user_id FROM inbox WHERE user_id <> '' "
                + "AND json_valid(body) AND json_extract(body, '$.user_id_by_app') = ?")) {
            ps.setString(1, userIdByApp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) users.add(rs.getString(1));
            }
        }
        return users;
    }

    private void erase(Connection tx, String user) throws Exception {
        for (PersonalData p : personalData) p.erase(tx, user);
    }
}
