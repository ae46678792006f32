package vn.cdsbot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.feature.ScopeNote;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;

/**
 * Citizens meet their commune's team: the citizen's commune (#xa), and hand-off tickets from a question the bot
 * could not answer to a person of that commune's team (#hotro, #nhan, #traloi, #xong), escalated when nobody takes
 * them. Neither side sees the other's Zalo id: the OA relays.
 */
public final class Handoff implements Feature {
    private final HandoffChat chat;
    private final Escalation escalation;
    private final Clock clock;
    private final TicketCounts counts;

    private Handoff(HandoffChat chat, Escalation escalation, Clock clock, TicketCounts counts) {
        this.counts = counts;
        this.chat = chat;
        this.escalation = escalation;
        this.clock = clock;
    }

    public static Handoff wire(BotConfig config, Database db, Clock clock, Runnable wakeOutbox) {
        Dispatch dispatch = new Dispatch(new MessagingWindow(config.zalo().paidMessages()), WorkingHours.from(config),
                Duration.ofMinutes(config.handoff().claimMinutes()));
        Escalation escalation = new Escalation(db, dispatch, clock, Duration.ofDays(config.kb().keepQuestionsDays()),
                wakeOutbox);
        Communes plain = new Communes(ReportingLevels.of(config));
        Directory directory = Directory.load(config.handoff().directory(), db.read(UnitTree::load), plain::isCommune);
        return new Handoff(new HandoffChat(plain.withFormerNames(directory.formerNames()), directory, dispatch, clock),
                escalation, clock, new TicketCounts(config.zone()));
    }

    /** The answerer chain with the offer of a person after the knowledge base's fallback. */
    public QuestionAnswerer answerer(QuestionAnswerer inner) {
        return chat.answerer(inner);
    }

    /** Tickets opened and answered, and the median time to a first answer, under #tonghop. */
    public ScopeNote summaryNote() {
        return counts;
    }

    /** Under a commune's weekly report echo: the tickets its team closed that week, to add if not counted yet. */
    public ScopeNote reportNote() {
        return counts.helpedInWeek();
    }

    @Override
    public List<Command> commands() {
        return chat.commands();
    }

    @Override
    public List<Runnable> schedules() {
        return List.of(escalation);
    }

    /**
     * A withdrawing citizen: their commune, pending request and held messages go, their tickets are closed and
     * emptied (counts stay). A withdrawing member: tickets they held but had not closed are open again for others.
     */
    @Override
    public List<PersonalData> personalData() {
        PersonalData tickets = (tx, userId) -> {
            long now = clock.millis();
            Tickets.update(tx, "DELETE FROM handoff_requests WHERE user_id = ?", userId);
            Tickets.update(tx, "DELETE FROM handoff_held WHERE citizen_id = ?", userId);
            Tickets.update(tx, "UPDATE handoff_tickets SET citizen_id = NULL, question = '', bot_answer = NULL, answers = NULL, "
                    + "status = 'closed', closed_at = COALESCE(closed_at, ?) WHERE citizen_id = ?", now, userId);
            Tickets.update(tx, "UPDATE handoff_tickets SET owner_id = NULL, notified = 0, "
                    + "status = CASE status WHEN 'claimed' THEN 'open' ELSE status END WHERE owner_id = ?", userId);
        };
        return List.of(Communes.ERASER, tickets);
    }

    /** A closed ticket's question and the team's answers, for an editor to turn into knowledge-base content. */
    public record ClosedTicket(String code, String question, String answers) {}

    /** Whether an editor's reference names a hand-off ticket ("HT-4821") rather than a kept question (C12, P5). */
    public static boolean isTicketRef(String ref) {
        return ref.strip().toUpperCase(java.util.Locale.ROOT).startsWith("HT") && Tickets.parseCode(ref).isPresent();
    }

    /**
     * The closed, answered ticket {@code ref} names while its texts are kept (kb.keep_questions_days); the editor's
     * use of it ({@code use}: question, draft) is audited. Only the citizen's own question, not what they added later.
     */
    public static java.util.Optional<ClosedTicket> forEditors(Database db, String ref, String use, Clock clock) {
        java.util.Optional<String> code = Tickets.parseCode(ref);
        if (code.isEmpty()) return java.util.Optional.empty();
        return db.inTransaction(tx -> {
            java.util.Optional<Tickets.Answered> a = Tickets.answered(tx, code.get());
            if (a.isPresent()) vn.cdsbot.people.Audit.record(tx, clock.millis(), "cli", "handoff.to_kb", a.get().code(), use);
            return a.map(t -> new ClosedTicket(t.code(), t.firstQuestion(), t.answers()));
        });
    }

    /** For tests: the periodic job, run by hand instead of waiting for the scheduler. */
    Runnable escalation() {
        return escalation;
    }
}
