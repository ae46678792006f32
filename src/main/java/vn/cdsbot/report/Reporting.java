package vn.cdsbot.report;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.feature.ScopeNote;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.period.DayTime;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;

/**
 * Weekly reporting, wired in one place: reports (one-line and guided), confirmation and correction, history, and
 * reminders. Units and members come from the people feature, which must be wired first (it syncs the units file).
 */
public final class Reporting implements Feature {
    private final ReportFlow flow;
    private final List<Command> commands;
    private final Runnable reminderJob;
    private final Runnable draftExpiry;

    private Reporting(ReportFlow flow, List<Command> commands, Runnable reminderJob, Runnable draftExpiry) {
        this.flow = flow;
        this.commands = commands;
        this.reminderJob = reminderJob;
        this.draftExpiry = draftExpiry;
    }

    public static Reporting wire(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                 Runnable wakeOutbox) {
        return wire(config, db, calendar, clock, wakeOutbox, List.of());
    }

    /** With lines other features suggest under a report's echo ({@code echoNotes}), e.g. the hand-off's help count. */
    public static Reporting wire(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                 Runnable wakeOutbox, List<ScopeNote> echoNotes) {
        BotConfig.Reporting rc = config.reporting();
        if (rc.draftTimeoutMinutes() < 1) throw new ConfigException("reporting.draft_timeout_minutes must be at least 1");
        Indicators indicators = new Indicators(rc.indicators());
        List<DayTime> slots = new ArrayList<>();
        for (int i = 0; i < rc.reminders().size(); i++) {
            slots.add(DayTime.parse(rc.reminders().get(i), "reporting.reminders[" + i + "]"));
        }
        ReportingLevels levels = ReportingLevels.of(config);
        MessagingWindow window = new MessagingWindow(config.zalo().paidMessages());
        ReportFlow flow = new ReportFlow(indicators, calendar,
                new Plausibility(indicators, rc.plausibilityFactor(), rc.plausibilityMinimum()),
                Duration.ofMinutes(rc.draftTimeoutMinutes()), levels, echoNotes);
        Reminders reminders = new Reminders(calendar, levels, window);
        return new Reporting(flow, new ReportCommands(flow, indicators, calendar, reminders, levels, window.reachDays()).all(),
                new ReminderSchedule(db, reminders, calendar, slots, clock, wakeOutbox),
                new DraftExpiry(db, clock, Duration.ofMinutes(rc.draftTimeoutMinutes()), wakeOutbox));
    }

    @Override
    public List<Command> commands() {
        return commands;
    }

    /**
     * Wraps the knowledge-base answerer: while a sender has a guided report open, plain answers (numbers,
     * "bỏ qua") go to the report; everything else goes to {@code kb}.
     */
    public QuestionAnswerer answerer(QuestionAnswerer kb) {
        return (message, sender, tx) -> flow.answer(message, sender, tx, kb);
    }

    /** user_withdraw: drafts and the reminder log go; reports stay with their unit. */
    @Override
    public List<PersonalData> personalData() {
        PersonalData drafts = (tx, userId) -> {
            for (String sql : List.of("DELETE FROM report_drafts WHERE user_id = ?",
                    "DELETE FROM reminder_messages WHERE user_id = ?")) {
                try (PreparedStatement ps = tx.prepareStatement(sql)) {
                    ps.setString(1, userId);
                    ps.executeUpdate();
                }
            }
        };
        return List.of(drafts);
    }

    /** Periodic jobs: scheduled reminders, notices about drafts that timed out. */
    @Override
    public List<Runnable> schedules() {
        return List.of(reminderJob, draftExpiry);
    }
}
