package vn.cdsbot.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    public EventProcessor(Database db, ChatRouter router, List<PersonalData> personalData, RateLimiter rateLimiter,
                          Clock clock, Runnable wakeOutbox, MeterRegistry metrics) {
        this.db = db;
        this.router = router;
        this.personalData = List.copyOf(personalData);
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
        this.metrics = metrics;
    }

    public void process(Inbox.Entry entry) {
        long started = clock.millis();
        try {
            WebhookEvent event = EventParser.parse(entry.body().getBytes(StandardCharsets.UTF_8));
            db.inTransaction(tx -> {
                List<Reply> replies = handle(entry, event, tx);
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
            metrics.timer("cdsbot_event_handling").record(java.time.Duration.ofMillis(clock.millis() - started));
            wakeOutbox.run();
        }
    }

    private List<Reply> handle(Inbox.Entry entry, WebhookEvent event, java.sql.Connection tx) throws Exception {
        String user = entry.userId();
        switch (event.eventName()) {
            case "user_send_text" -> {
                UserActivity.touch(tx, user, entry.receivedAt());
                RateLimiter.Verdict verdict = rateLimiter.check(user, entry.receivedAt());
                if (verdict == RateLimiter.Verdict.NOTIFY) return List.of(Reply.text(EventTexts.SLOW_DOWN));
                if (verdict == RateLimiter.Verdict.DROP) return List.of();
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
                java.util.Set<String> users = withdrawing(tx, user, event.userIdByApp());
                for (String u : users) erase(tx, u);
                log.info("Personal data erased for {} user id(s) at their request (inbox event {})", users.size(), entry.id());
                return List.of();
            }
            default -> {
                if (event.isFromUser()) {
                    UserActivity.touch(tx, user, entry.receivedAt());
                    return List.of(Reply.text(EventTexts.TEXT_ONLY));
                }
                return List.of();
            }
        }
    }

    /**
     * Whoever the withdrawal is about: its OA-scoped user id and, when it carries the app-scoped id as well or
     * instead, every OA-scoped id that earlier events showed with that app-scoped id.
     */
    private static java.util.Set<String> withdrawing(java.sql.Connection tx, String user, String userIdByApp)
            throws java.sql.SQLException {
        java.util.Set<String> users = new java.util.LinkedHashSet<>();
        if (user != null && !user.isEmpty()) users.add(user);
        if (userIdByApp == null) return users;
        try (java.sql.PreparedStatement ps = tx.prepareStatement("SELECT DISTINCT user_id FROM inbox WHERE user_id <> '' "
                + "AND json_valid(body) AND json_extract(body, '$.user_id_by_app') = ?")) {
            ps.setString(1, userIdByApp);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) users.add(rs.getString(1));
            }
        }
        return users;
    }

    private void erase(java.sql.Connection tx, String user) throws Exception {
        for (PersonalData p : personalData) p.erase(tx, user);
    }
}
