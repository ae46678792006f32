package vn.cdsbot.kb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.people.Members;
import vn.cdsbot.period.DayTime;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.storage.Database;
import vn.cdsbot.summary.ExportStore;

/**
 * The editors' loop in the chat: #chuatraloi lists the period's unanswered questions and "Chưa đúng" feedback by
 * nearest article with a spreadsheet link, and a weekly digest of the past week goes to every editor.
 */
final class KbEditors {
    private static final Logger log = LoggerFactory.getLogger(KbEditors.class);
    static final Set<Role> WHO = EnumSet.of(Role.EDITOR, Role.ADMIN);
    /** Monday morning: editors start the week with last week's list. */
    static final DayTime DIGEST = new DayTime(DayOfWeek.MONDAY, LocalTime.of(8, 0));
    /** A slot missed by more than this (bot down) is skipped rather than sent late. */
    static final Duration GRACE = Duration.ofHours(24);
    static final String SCOPE = "kb";

    private final KnowledgeBase kb;
    private final ExportStore exports;
    private final ReportingCalendar calendar;
    private final ZoneId zone;
    private final Clock clock;

    KbEditors(KnowledgeBase kb, ExportStore exports, ReportingCalendar calendar, Clock clock) {
        this.kb = kb;
        this.exports = exports;
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.clock = clock;
    }

    Command command() {
        return new Command("chuatraloi", List.of("chua tra loi"), WHO,
                "#chuatraloi [tuần này | tuần trước | tuần N | tháng M | 30 ngày] — câu hỏi bot chưa trả lời được và góp ý \"Chưa đúng\" "
                        + "theo bài, kèm tệp Excel (mặc định 7 ngày qua). Kiểm tra bài: kb check; thêm cách hỏi: kb accept",
                this::list);
    }

    private List<Reply> list(CommandCall call) throws Exception {
        LocalDate today = call.now().atZone(zone).toLocalDate();
        Optional<EditorQueue.Period> period = EditorQueue.Period.parse(call.args(), call.now(), calendar);
        if (period.isEmpty()) {
            return List.of(Reply.text("Bot chưa hiểu khoảng thời gian \"" + call.args().strip() + "\". Hãy gõ #chuatraloi "
                    + "(7 ngày qua), #chuatraloi tuần này, #chuatraloi tuần trước hoặc #chuatraloi 30 ngày."));
        }
        return List.of(Reply.text(render(call.tx(), period.get(), call.sender().userId(), call.now())));
    }

    /** The chat text for one editor, with a download link of their own when there is anything to list. */
    private String render(Connection tx, EditorQueue.Period period, String userId, Instant now) throws SQLException {
        EditorQueue q = EditorQueue.load(tx, period, zone, kb::article);
        if (q.isEmpty()) return q.chatText(null);
        ExportStore.Link link = exports.save(tx, userId, SCOPE, period.from().toString(), q.fileName(), q.xlsx(), now);
        return q.chatText(link.url());
    }

    /** The periodic job (every 30 s): sends a due weekly digest once. */
    Runnable digest(Database db, MessagingWindow messagingWindow, Runnable wakeOutbox) {
        return () -> {
            Instant now = clock.instant();
            Optional<ZonedDateTime> slot = dueSlot(now);
            if (slot.isEmpty()) return;
            int sent = db.inTransaction(tx -> runSlot(tx, slot.get(), now, messagingWindow));
            if (sent > 0) wakeOutbox.run();
        };
    }

    Optional<ZonedDateTime> dueSlot(Instant now) {
        Instant slot = DIGEST.latestAtOrBefore(now, zone);
        return Duration.between(slot, now).compareTo(GRACE) > 0 ? Optional.empty() : Optional.of(slot.atZone(zone));
    }

    private int runSlot(Connection tx, ZonedDateTime slot, Instant now, MessagingWindow window) throws SQLException {
        String key = slot.toLocalDateTime().toString();
        try (PreparedStatement ps = tx.prepareStatement("SELECT 1 FROM kb_digest_runs WHERE slot = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return 0;
            }
        }
        LocalDate monday = slot.toLocalDate();
        EditorQueue.Period lastWeek = new EditorQueue.Period(monday.minusWeeks(1), monday.minusDays(1), "tuần trước");
        int sent = 0;
        for (String editor : Members.activeWithRole(tx, Role.EDITOR).stream().map(vn.cdsbot.people.Member::userId).toList()) {
            // Outside Zalo's messaging window a message is refused or billed; the editor can type #chuatraloi.
            if (!window.reaches(tx, editor, now)) continue;
            String text = "BẢN TIN TUẦN CHO NGƯỜI BIÊN TẬP\n" + render(tx, lastWeek, editor, now);
            Outbox.enqueue(tx, editor, null, List.of(Reply.text(text)), now.toEpochMilli());
            sent++;
        }
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO kb_digest_runs (slot, ran_at, sent) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setLong(2, now.toEpochMilli());
            ps.setInt(3, sent);
            ps.executeUpdate();
        }
        log.info("Editors' weekly digest {}: {} queued", key, sent);
        return sent;
    }
}
