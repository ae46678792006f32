package vn.cdsbot.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.people.Member;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/**
 * Who to remind about a week: enrolled members of reporting units without a current report, but only those
 * Zalo still lets the OA message (they interacted within the window). A unit nobody can be messaged in is
 * escalated to the nearest leader above it who can be. Everyone gets at most one message per round.
 */
final class Reminders {

    /** A reporting unit without a report, and who in it the OA can and cannot message. */
    record UnitStatus(Unit unit, List<Member> reachable, List<Member> unreachable) {}

    /** Everything one person is told in a round. */
    static final class Letter {
        final Member to;
        final Set<Unit> remind = new LinkedHashSet<>();
        final Map<Unit, List<Member>> unreachableColleagues = new LinkedHashMap<>();
        final List<UnitStatus> escalated = new ArrayList<>();

        Letter(Member to) {
            this.to = to;
        }

        String kind() {
            if (remind.isEmpty()) return "escalate";
            return escalated.isEmpty() ? "remind" : "both";
        }
    }

    /** A round worked out but not sent yet. */
    record Plan(Week week, List<UnitStatus> missing, Map<String, Letter> letters, List<UnitStatus> unreached,
                Set<String> skipped) {}

    private final ReportingCalendar calendar;
    private final ReportingLevels levels;
    private final MessagingWindow window;

    Reminders(ReportingCalendar calendar, ReportingLevels levels, MessagingWindow window) {
        this.calendar = calendar;
        this.levels = levels;
        this.window = window;
    }

    /**
     * @param escalate send escalations up the tree (scheduled rounds); on #nhac the caller is told instead
     * @param skip users not to message this time (the caller; people reminded within the hour)
     */
    Plan plan(Connection c, UnitTree tree, List<Unit> scope, Week week, Instant now, boolean escalate, Set<String> skip)
            throws SQLException {
        Set<String> reported = Reports.reportedUnits(c, week);
        List<Unit> missingUnits = scope.stream()
                .filter(u -> u.active() && levels.reports(u) && !reported.contains(u.code())).toList();
        Map<String, List<Member>> byUnit = new LinkedHashMap<>();
        for (Member m : Members.activeIn(c, missingUnits.stream().map(Unit::code).toList())) {
            if (m.role() == Role.EDITOR) continue;   // editors look after the knowledge base and never report
            byUnit.computeIfAbsent(m.unitCode(), k -> new ArrayList<>()).add(m);
        }
        long cutoff = window.since(c, now);
        Map<String, Letter> letters = new LinkedHashMap<>();
        List<UnitStatus> missing = new ArrayList<>();
        List<UnitStatus> unreached = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (Unit u : missingUnits) {
            List<Member> reachable = new ArrayList<>();
            List<Member> unreachable = new ArrayList<>();
            for (Member m : byUnit.getOrDefault(u.code(), List.of())) {
                (reachable(c, m.userId(), cutoff) ? reachable : unreachable).add(m);
            }
            UnitStatus status = new UnitStatus(u, reachable, unreachable);
            missing.add(status);
            for (Member m : reachable) {
                if (skip.contains(m.userId())) {
                    skipped.add(m.userId());
                    continue;
                }
                Letter l = letters.computeIfAbsent(m.userId(), k -> new Letter(m));
                l.remind.add(u);
                if (m.role() == Role.LEADER && !unreachable.isEmpty()) l.unreachableColleagues.put(u, unreachable);
            }
            if (!reachable.isEmpty()) continue;
            List<Member> leaders = escalate ? leadersAbove(c, tree, u, cutoff) : List.of();
            if (leaders.isEmpty()) unreached.add(status);
            for (Member leader : leaders) {
                letters.computeIfAbsent(leader.userId(), k -> new Letter(leader)).escalated.add(status);
            }
        }
        return new Plan(week, missing, letters, unreached, skipped);
    }

    /** The reachable leaders of the nearest unit above {@code u} that has any. */
    private static List<Member> leadersAbove(Connection c, UnitTree tree, Unit u, long cutoff) throws SQLException {
        for (Unit a : tree.ancestors(u)) {
            List<Member> leaders = new ArrayList<>();
            for (Member m : Members.activeIn(c, List.of(a.code()))) {
                if (m.role() == Role.LEADER && reachable(c, m.userId(), cutoff)) leaders.add(m);
            }
            if (!leaders.isEmpty()) return leaders;
        }
        return List.of();
    }

    private static boolean reachable(Connection c, String userId, long cutoff) throws SQLException {
        return MessagingWindow.reaches(UserActivity.lastInteraction(c, userId), cutoff);
    }

    /** Enqueues the letters and records the round, all in the caller's transaction. Returns the run id. */
    long deliver(Connection tx, Plan plan, String kind, Long slotAt, String actor, String scope, Instant now)
            throws SQLException {
        long runId;
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO reminder_runs (slot_at, kind, actor, scope, "
                + "week_start, ran_at, missing, messages, unreached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            if (slotAt == null) ps.setNull(1, Types.INTEGER); else ps.setLong(1, slotAt);
            ps.setString(2, kind);
            ps.setString(3, actor);
            ps.setString(4, scope);
            ps.setString(5, plan.week().toString());
            ps.setLong(6, now.toEpochMilli());
            ps.setInt(7, plan.missing().size());
            ps.setInt(8, plan.letters().size());
            ps.setInt(9, plan.unreached().size());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                runId = rs.getLong(1);
            }
        }
        Instant deadline = calendar.deadline(plan.week());
        for (Letter l : plan.letters().values()) {
            String text = ReportTexts.reminder(plan.week(), deadline, now.isAfter(deadline), l.remind,
                    l.unreachableColleagues, l.escalated, window.reachDays(), calendar.zone());
            List<Button> buttons = l.remind.isEmpty() ? List.of()
                    : List.of(Button.query("Báo cáo ngay", "#baocao " + plan.week().typed()));
            Outbox.enqueue(tx, l.to.userId(), null, List.of(Reply.text(text, buttons)), now.toEpochMilli());
            Set<String> units = new LinkedHashSet<>();
            l.remind.forEach(u -> units.add(u.code()));
            l.escalated.forEach(s -> units.add(s.unit().code()));
            try (PreparedStatement ps = tx.prepareStatement(
                    "INSERT INTO reminder_messages (run_id, user_id, kind, units) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, l.to.userId());
                ps.setString(3, l.kind());
                ps.setString(4, String.join(",", units));
                ps.executeUpdate();
            }
        }
        return runId;
    }

    /** People messaged by any round since {@code since}: #nhac does not nag them again. */
    static Set<String> remindedSince(Connection c, long since) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.user_id FROM reminder_messages m "
                + "JOIN reminder_runs r ON r.id = m.run_id WHERE r.ran_at >= ?")) {
            ps.setLong(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
