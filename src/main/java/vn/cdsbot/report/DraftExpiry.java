package vn.cdsbot.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;

/**
 * Tells a member, as soon as it happens, that their unconfirmed report timed out: otherwise someone who typed
 * the figures and walked away believes the unit has reported. The draft goes in the same transaction as the
 * notice is queued, so the notice is sent once. A draft that timed out long ago (the bot was down) is dropped
 * quietly; a late notice about it would only confuse.
 */
final class DraftExpiry implements Runnable {
    static final Duration NOTICE_LIMIT = Duration.ofHours(6);

    private final Database db;
    private final Clock clock;
    private final long timeoutMinutes;
    private final Runnable wakeOutbox;

    DraftExpiry(Database db, Clock clock, Duration timeout, Runnable wakeOutbox) {
        this.db = db;
        this.clock = clock;
        this.timeoutMinutes = timeout.toMinutes();
        this.wakeOutbox = wakeOutbox;
    }

    private record Expired(String userId, Week week, long expiresAt) {}

    @Override
    public void run() {
        long now = clock.millis();
        int told = db.inTransaction(tx -> {
            List<Expired> expired = new ArrayList<>();
            try (PreparedStatement ps = tx.prepareStatement(
                    "SELECT user_id, week_start, expires_at FROM report_drafts WHERE expires_at <= ? ORDER BY expires_at")) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) expired.add(new Expired(rs.getString(1), Week.parse(rs.getString(2)), rs.getLong(3)));
                }
            }
            int notices = 0;
            for (Expired e : expired) {
                if (e.expiresAt() > now - NOTICE_LIMIT.toMillis()) {
                    Outbox.enqueue(tx, e.userId(), null, List.of(Reply.text(ReportTexts.expiredNotice(e.week(), timeoutMinutes),
                            List.of(Button.query("Báo cáo lại", "#baocao " + e.week().typed())))), now);
                    notices++;
                }
                Drafts.delete(tx, e.userId());
            }
            return notices;
        });
        if (told > 0) wakeOutbox.run();
    }
}
