package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;

/**
 * The weekly digest for the secretariat. At the configured slot (default Monday 14:00) each active secretariat
 * member inside Zalo's messaging window gets the digest of the week just ended; the others get it after their
 * next message. The slot is recorded in the same transaction as the queued messages, so a restart never sends
 * it twice; a slot missed by more than {@link #GRACE} (bot down) is skipped rather than sent late.
 */
final class Digest {
    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    static final Duration GRACE = Duration.ofHours(24);

    private final Database db;
    private final Settings settings;
    private final Summarizer summarizer;
    private final SummaryTexts texts;
    private final Clock clock;
    private final Runnable wakeOutbox;

    Digest(Database db, Settings settings, Summarizer summarizer, SummaryTexts texts, Clock clock, Runnable wakeOutbox) {
        this.db = db;
        this.settings = settings;
        this.summarizer = summarizer;
        this.texts = texts;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
    }

    /** The periodic job: runs a due slot, then hands waiting digests to members who have written since. */
    void run() {
        Instant now = clock.instant();
        boolean queued = false;
        Optional<LocalDateTime> slot = dueSlot(now);
        if (slot.isPresent()) queued = db.inTransaction(tx -> runSlot(tx, slot.get(), now));
        queued |= releaseWaiting(now) > 0;
        if (queued) wakeOutbox.run();
    }

    /** The latest slot at or before now, if it is not older than the grace period. */
    Optional<LocalDateTime> dueSlot(Instant now) {
        Instant slot = settings.digest().latestAtOrBefore(now, settings.zone());
        if (Duration.between(slot, now).compareTo(GRACE) > 0) return Optional.empty();
        return Optional.of(LocalDateTime.ofInstant(slot, settings.zone()));
    }

    private boolean runSlot(Connection tx, LocalDateTime slot, Instant now) throws Exception {
        String key = slot.toString();
        try (PreparedStatement ps = tx.prepareStatement("SELECT 1 FROM summary_digest_runs WHERE slot = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return false;
            }
        }
        Week week = Week.containing(slot.toLocalDate()).previous();
        List<String> members = Members.activeWithRole(tx, Role.SECRETARIAT).stream().map(vn.cdsbot.people.Member::userId).toList();
        List<Reply> digest = members.isEmpty() ? List.of() : render(tx, week, now);
        int sent = 0;
        int deferred = 0;
        for (String user : members) {
            if (inWindow(tx, user, now)) {
                Outbox.enqueue(tx, user, null, digest, now.toEpochMilli());
                sent++;
            } else {
                try (PreparedStatement ps = tx.prepareStatement(
                        "INSERT INTO summary_pending_digests (user_id, week_start, slot, created_at) VALUES (?, ?, ?, ?) "
                                + "ON CONFLICT (user_id) DO UPDATE SET week_start = excluded.week_start, "
                                + "slot = excluded.slot, created_at = excluded.created_at")) {
                    ps.setString(1, user);
                    ps.setString(2, week.key());
                    ps.setString(3, key);
                    ps.setLong(4, now.toEpochMilli());
                    ps.executeUpdate();
                }
                deferred++;
            }
        }
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO summary_digest_runs (slot, week_start, ran_at, sent, deferred) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, week.key());
            ps.setLong(3, now.toEpochMilli());
            ps.setInt(4, sent);
            ps.setInt(5, deferred);
            ps.executeUpdate();
        }
        Audit.record(tx, now.toEpochMilli(), "system", "summary.digest", UnitTree.ALL,
                "week=" + week.key() + " sent=" + sent + " deferred=" + deferred);
        log.info("Weekly digest {} for week {}: {} queued, {} waiting for the member's next message", key, week.key(),
                sent, deferred);
        return sent > 0;
    }

    private boolean inWindow(Connection c, String user, Instant now) throws SQLException {
        return settings.messagingWindow().reaches(c, user, now);
    }

    /** Waiting digests of members who have written since they were deferred: queued now, freshly computed. */
    int releaseWaiting(Instant now) {
        List<String> users = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.user_id FROM summary_pending_digests p JOIN user_activity a ON a.user_id = p.user_id "
                            + "WHERE a.followed = 1 AND a.last_interaction > p.created_at AND a.last_interaction >= ?")) {
                ps.setLong(1, settings.messagingWindow().since(c, now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
        int released = 0;
        for (String user : users) {
            released += db.inTransaction(tx -> {
                List<Reply> replies = releasePending(tx, user, now);
                if (replies.isEmpty()) return 0;
                Outbox.enqueue(tx, user, null, replies, now.toEpochMilli());
                return 1;
            });
        }
        return released;
    }

    /**
     * Takes the user's waiting digest, if any, and returns it as replies (computed now, so it has the latest
     * figures). For a wrapper around the router to append to the reply of the user's message, inside that
     * message's transaction. Empty when nothing waits or the user is no longer in the secretariat.
     */
    List<Reply> releasePending(Connection tx, String userId, Instant now) throws Exception {
        String weekKey;
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT week_start FROM summary_pending_digests WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return List.of();
                weekKey = rs.getString(1);
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM summary_pending_digests WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
        if (Members.findActive(tx, userId).filter(m -> m.role() == Role.SECRETARIAT).isEmpty()) return List.of();
        Audit.record(tx, now.toEpochMilli(), "system", "summary.digest_delivered_late", UnitTree.ALL,
                "week=" + weekKey + " user=" + userId);
        return render(tx, Week.parse(weekKey), now);
    }

    List<Reply> render(Connection tx, Week week, Instant now) throws Exception {
        UnitTree tree = UnitTree.load(tx);
        ScopeSummary s = summarizer.summarize(tx, tree, tree.root(), week, true, now);
        List<String> blocks = new ArrayList<>();
        blocks.add("BẢN TIN TUẦN GỬI VĂN PHÒNG BAN CHỈ ĐẠO\n" + texts.header(s));
        if (!s.expected().isEmpty()) {
            blocks.add(texts.indicators(s));
            List<ScopeSummary.Part> p = s.parts().stream().filter(x -> !x.tally().noReports()).toList();
            if (p.size() > 1) {
                StringBuilder b = new StringBuilder("Mạnh nhất: ").append(p.get(0).unit().name())
                        .append(" · Yếu nhất: ").append(p.get(p.size() - 1).unit().name())
                        .append(" (theo ").append(settings.indicators().get(0).name()).append(").");
                blocks.add(b.toString());
            }
        }
        List<String> messages = Pager.pack(blocks, "Bản tin tuần " + week.number() + "/" + week.year());
        List<Button> buttons = List.of(
                Button.query("Xem tổng hợp đầy đủ", "#tonghop " + week.typed()),
                Button.query("Đơn vị chưa báo cáo", "#chuabaocao " + week.typed()),
                Button.query("Tải tệp Excel", "#xuat " + week.typed()));
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            out.add(Reply.text(messages.get(i), i == messages.size() - 1 ? buttons : List.of()));
        }
        return out;
    }
}
