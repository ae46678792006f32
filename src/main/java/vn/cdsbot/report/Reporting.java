package vn.cdsbot.report;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.chat.SenderResolver;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.People;
import vn.cdsbot.period.DayTime;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.zalo.TokenSource;
import vn.cdsbot.zalo.ZaloClient;

/**
 * Team members and weekly reporting, wired in one place: units and enrolment ({@link People}), reports
 * (one-line and guided), history, and reminders.
 */
public final class Reporting {
    private final People people;
    private final ReportFlow flow;
    private final List<Command> commands;
    private final Runnable reminderJob;
    private final Runnable draftExpiry;

    private Reporting(People people, ReportFlow flow, List<Command> commands, Runnable reminderJob,
                      Runnable draftExpiry) {
        this.people = people;
        this.flow = flow;
        this.commands = commands;
        this.reminderJob = reminderJob;
        this.draftExpiry = draftExpiry;
    }

    /** Syncs the units CSV (a bad file stops start-up with a message naming the line) and builds everything. */
    public static Reporting wire(BotConfig config, Database db, ZaloClient zalo, TokenSource tokens,
                                 ReportingCalendar calendar, Clock clock, Runnable wakeOutbox) {
        BotConfig.Reporting rc = config.reporting();
        if (rc.draftTimeoutMinutes() < 1) throw new ConfigException("reporting.draft_timeout_minutes must be at least 1");
        Indicators indicators = new Indicators(rc.indicators());
        List<DayTime> slots = new ArrayList<>();
        for (int i = 0; i < rc.reminders().size(); i++) {
            slots.add(DayTime.parse(rc.reminders().get(i), "reporting.reminders[" + i + "]"));
        }
        String kind = config.units().reportingKind();
        MessagingWindow window = new MessagingWindow(config.zalo().paidMessages());
        People people = People.wire(config, db, zalo, tokens, clock);
        ReportFlow flow = new ReportFlow(indicators, calendar,
                new Plausibility(indicators, rc.plausibilityFactor(), rc.plausibilityMinimum()),
                Duration.ofMinutes(rc.draftTimeoutMinutes()), kind);
        Reminders reminders = new Reminders(calendar, kind, window);
        List<Command> commands = new ArrayList<>(people.commands());
        commands.addAll(new ReportCommands(flow, indicators, calendar, reminders, kind, window.reachDays()).all());
        return new Reporting(people, flow, List.copyOf(commands),
                new ReminderSchedule(db, reminders, calendar, slots, clock, wakeOutbox),
                new DraftExpiry(db, clock, Duration.ofMinutes(rc.draftTimeoutMinutes()), wakeOutbox));
    }

    public List<Command> commands() {
        return commands;
    }

    public SenderResolver senders() {
        return people.senders();
    }

    /**
     * Wraps the knowledge-base answerer: while a sender has a guided report open, plain answers (numbers,
     * "bỏ qua") go to the report; everything else goes to {@code kb}.
     */
    public QuestionAnswerer answerer(QuestionAnswerer kb) {
        return (message, sender, tx) -> flow.answer(message, sender, tx, kb);
    }

    /** user_withdraw: the display name, membership, drafts and reminder log go; reports stay with their unit. */
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
        return List.of(people.eraser(), drafts);
    }

    /** Periodic jobs: display names, scheduled reminders, notices about drafts that timed out. */
    public List<Runnable> schedules() {
        return List.of(people.nameJob(), reminderJob, draftExpiry);
    }
}
