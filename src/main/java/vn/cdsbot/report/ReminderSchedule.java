package vn.cdsbot.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.DayTime;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;

/**
 * Runs the configured reminder slots. Each slot is recorded in reminder_runs in the same transaction as its
 * messages, so a restart never sends a slot twice; a slot missed while the bot was down is still sent if it
 * is at most {@link #CATCH_UP} old, and skipped after that (a Friday reminder on Saturday night would
 * confuse more than help).
 */
final class ReminderSchedule implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);
    static final Duration CATCH_UP = Duration.ofHours(6);

    private final Database db;
    private final Reminders reminders;
    private final ReportingCalendar calendar;
    private final List<DayTime> slots;
    private final Clock clock;
    private final Runnable wakeOutbox;

    ReminderSchedule(Database db, Reminders reminders, ReportingCalendar calendar, List<DayTime> slots, Clock clock,
                     Runnable wakeOutbox) {
        this.db = db;
        this.reminders = reminders;
        this.calendar = calendar;
        this.slots = List.copyOf(slots);
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        Instant slot = latestSlot(now);
        if (slot == null || Duration.between(slot, now).compareTo(CATCH_UP) > 0) return;
        Integer sent = db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.prepareStatement("SELECT 1 FROM reminder_runs WHERE slot_at = ?")) {
                ps.setLong(1, slot.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return null;
                }
            }
            UnitTree tree = UnitTree.load(tx);
            Week week = calendar.defaultWeek(slot);
            Reminders.Plan plan = reminders.plan(tx, tree, tree.all(), week, now, true, Set.of());
            reminders.deliver(tx, plan, "scheduled", slot.toEpochMilli(), null, "*", now);
            log.info("Reminder slot {} for week {}: {} units without a report, {} messages, {} units nobody could be told about",
                    slot, week, plan.missing().size(), plan.letters().size(), plan.unreached().size());
            return plan.letters().size();
        });
        if (sent != null && sent > 0) wakeOutbox.run();
    }

    /** The most recent configured slot at or before {@code now}. */
    Instant latestSlot(Instant now) {
        Instant best = null;
        for (DayTime s : slots) {
            Instant candidate = s.latestAtOrBefore(now, calendar.zone());
            if (best == null || candidate.isAfter(best)) best = candidate;
        }
        return best;
    }
}
