package vn.cdsbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Member;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;

/**
 * Who is messaged about a ticket, and how a message reaches the citizen. Both follow Zalo's window
 * ({@link MessagingWindow}): a team member who cannot be reached is skipped (the next level is tried), and a
 * message for a citizen who cannot be reached is held and delivered when they write again, never dropped.
 */
final class Dispatch {
    private final MessagingWindow window;
    private final WorkingHours hours;
    private final Duration claim;

    Dispatch(MessagingWindow window, WorkingHours hours, Duration claim) {
        this.window = window;
        this.hours = hours;
        this.claim = claim;
    }

    WorkingHours hours() {
        return hours;
    }

    int claimMinutes() {
        return (int) claim.toMinutes();
    }

    int freeHours() {
        return (int) MessagingWindow.FREE.toHours();
    }

    /**
     * Messages the people of the ticket's level who can be reached, going up a level while nobody can. Returns
     * false when nobody of any level could be messaged (the ticket then waits at the top level and is tried again).
     */
    boolean notifyTeam(Connection tx, UnitTree tree, Ticket t, Instant now) throws SQLException {
        Unit commune = tree.get(t.unitCode()).orElseThrow();
        for (int level = t.level(); level <= Ticket.SECRETARIAT; level++) {
            List<Member> reached = new ArrayList<>();
            for (Member m : recipients(tx, tree, commune, level)) {
                if (window.reaches(tx, m.userId(), now)) reached.add(m);
            }
            if (reached.isEmpty()) continue;
            for (Member m : reached) {
                Outbox.enqueue(tx, m.userId(), null, List.of(HandoffTexts.toTeam(t, commune, level, claimMinutes())),
                        now.toEpochMilli());
            }
            Tickets.notified(tx, t.code(), level, hours.plus(now, claim).toEpochMilli());
            Audit.record(tx, now.toEpochMilli(), "bot", "handoff.notify", t.code(), "level=" + level + " members="
                    + reached.stream().map(Member::tag).collect(Collectors.joining(",")));
            return true;
        }
        return false;
    }

    /**
     * A citizen's later message: to the member who holds the ticket, at any hour (they are in the conversation); for
     * an unclaimed ticket, to the reachable people already asked about it, in working hours only (otherwise they read
     * it with the question when they are asked). Returns how many were messaged.
     */
    int followUp(Connection tx, UnitTree tree, Ticket t, Reply message, Instant now) throws SQLException {
        List<String> to = new ArrayList<>();
        if (t.status() == Ticket.Status.CLAIMED) {
            to.add(t.ownerId());
        } else if (t.notified() && hours.isOpen(now)) {
            Unit commune = tree.get(t.unitCode()).orElseThrow();
            for (Member m : recipients(tx, tree, commune, t.level())) to.add(m.userId());
        }
        int n = 0;
        for (String userId : to) {
            if (userId == null || !window.reaches(tx, userId, now)) continue;
            Outbox.enqueue(tx, userId, null, List.of(message), now.toEpochMilli());
            n++;
        }
        return n;
    }

    /** Level 0: the commune's own team; 1: leaders of the commune and of the groupings above it; 2: the secretariat. */
    private static List<Member> recipients(Connection tx, UnitTree tree, Unit commune, int level) throws SQLException {
        return switch (level) {
            case Ticket.TEAM -> Members.activeIn(tx, List.of(commune.code()));
            case Ticket.LEADERS -> {
                List<String> codes = new ArrayList<>(List.of(commune.code()));
                tree.ancestors(commune).forEach(a -> codes.add(a.code()));
                yield Members.activeIn(tx, codes).stream().filter(m -> m.role() == Role.LEADER).toList();
            }
            default -> Members.activeWithRole(tx, Role.SECRETARIAT);
        };
    }

    /** Sends to the citizen now if Zalo allows it, else holds it; returns whether it was sent now. */
    boolean toCitizen(Connection tx, Ticket t, String kind, String text, Instant now) throws SQLException {
        if (window.reaches(tx, t.citizenId(), now)) {
            Outbox.enqueue(tx, t.citizenId(), null, List.of(render(t.code(), kind, text)), now.toEpochMilli());
            return true;
        }
        Tickets.update(tx, "INSERT INTO handoff_held (code, citizen_id, kind, text, created_at) VALUES (?, ?, ?, ?, ?)",
                t.code(), t.citizenId(), kind, text, now.toEpochMilli());
        return false;
    }

    /** Only if the citizen can be reached now (news that is stale by the time they write again is not kept). */
    void toCitizenIfReachable(Connection tx, Ticket t, String text, Instant now) throws SQLException {
        if (t.citizenId() != null && window.reaches(tx, t.citizenId(), now)) {
            Outbox.enqueue(tx, t.citizenId(), null, List.of(Reply.text(text)), now.toEpochMilli());
        }
    }

    /** Held messages of citizens who wrote again since: queued in the order they were written. Returns how many. */
    int releaseHeld(Connection tx, Instant now) throws SQLException {
        List<String[]> held = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT id, code, citizen_id, kind, text FROM handoff_held ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) held.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
        }
        int n = 0;
        for (String[] h : held) {
            if (!window.reaches(tx, h[2], now)) continue;
            Outbox.enqueue(tx, h[2], null, List.of(render(h[1], h[3], h[4])), now.toEpochMilli());
            Tickets.update(tx, "DELETE FROM handoff_held WHERE id = ?", Long.parseLong(h[0]));
            Audit.record(tx, now.toEpochMilli(), "bot", "handoff.deliver_held", h[1], h[3]);
            n++;
        }
        return n;
    }

    static final String ANSWER = "answer";
    static final String SURVEY = "survey";

    private static Reply render(String code, String kind, String text) {
        return SURVEY.equals(kind) ? HandoffTexts.survey(code) : Reply.text(text);
    }
}
