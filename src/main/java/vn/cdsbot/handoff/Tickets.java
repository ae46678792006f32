package vn.cdsbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The handoff_tickets table; every method runs on the caller's connection (the message's transaction or the job's). */
final class Tickets {
    private static final String COLUMNS = "code, citizen_id, unit_code, question, bot_answer, status, level, notified, "
            + "unreached_told, due_at, owner_id, created_at FROM handoff_tickets";

    private Tickets() {}

    /** "HT-4821": short enough to type, unique among all tickets kept. */
    static String newCode(Connection c) throws SQLException {
        for (int i = 0; i < 50; i++) {
            String code = "HT-" + ThreadLocalRandom.current().nextInt(1000, 10000);
            if (find(c, code).isEmpty()) return code;
        }
        for (int i = 0; ; i++) {
            String code = "HT-" + ThreadLocalRandom.current().nextInt(10000, 100000);
            if (find(c, code).isEmpty()) return code;
        }
    }

    /** What a member typed ("HT-4821", "ht4821", "4821") as a ticket code, if it looks like one. */
    static Optional<String> parseCode(String typed) {
        String t = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (t.startsWith("HT")) t = t.substring(2);
        return t.matches("\\d{4,5}") ? Optional.of("HT-" + t) : Optional.empty();
    }

    static void insert(Connection tx, Ticket t) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO handoff_tickets (code, citizen_id, unit_code, "
                + "question, bot_answer, status, level, notified, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            ps.setString(1, t.code());
            ps.setString(2, t.citizenId());
            ps.setString(3, t.unitCode());
            ps.setString(4, t.question());
            ps.setString(5, t.botAnswer());
            ps.setString(6, t.status().name().toLowerCase(Locale.ROOT));
            ps.setInt(7, t.level());
            ps.setLong(8, t.dueAt());
            ps.setLong(9, t.createdAt());
            ps.executeUpdate();
        }
    }

    static Optional<Ticket> find(Connection c, String code) throws SQLException {
        return first(c, "SELECT " + COLUMNS + " WHERE code = ?", code);
    }

    /** The citizen's ticket that is not closed yet, if any. */
    static Optional<Ticket> activeFor(Connection c, String citizenId) throws SQLException {
        return first(c, "SELECT " + COLUMNS + " WHERE citizen_id = ? AND status <> 'closed' ORDER BY created_at DESC", citizenId);
    }

    /** Unclaimed tickets, oldest first (the escalation job's work). */
    static List<Ticket> open(Connection c) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " WHERE status = 'open' ORDER BY created_at");
    }

    /** Takes an unclaimed ticket; false when someone else was quicker. */
    static boolean claim(Connection tx, String code, String ownerId, long now) throws SQLException {
        return update(tx, "UPDATE handoff_tickets SET status = 'claimed', owner_id = ?, claimed_at = ? "
                + "WHERE code = ? AND status = 'open'", ownerId, now, code) == 1;
    }

    /** A citizen's later message joins the question, so whoever reads the ticket reads it all. */
    static void appendFollowUp(Connection tx, String code, String text) throws SQLException {
        update(tx, "UPDATE handoff_tickets SET question = question || ? WHERE code = ?", "\n+ " + text, code);
    }

    /** An answer relayed (or held for) the citizen: kept with the ticket for editors, until retention drops it. */
    static void replied(Connection tx, String code, String answer, long now) throws SQLException {
        update(tx, "UPDATE handoff_tickets SET first_reply_at = COALESCE(first_reply_at, ?), "
                + "answers = COALESCE(answers || ?, '') || ? WHERE code = ?", now, "\n\n", answer, code);
    }

    /** A closed ticket whose texts are still kept, with what the team answered. */
    record Answered(String code, String unitCode, String question, String answers, long closedAt) {
        /** The citizen's own question, without the messages they added later or their words after "Chưa đúng". */
        String firstQuestion() {
            return question.lines().findFirst().orElse("").strip();
        }
    }

    static Optional<Answered> answered(Connection c, String code) throws SQLException {
        List<Answered> all = answered(c, "code = ?", code);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Closed, answered tickets of {@code from <= closed < to}, oldest first. */
    static List<Answered> answeredBetween(Connection c, long from, long to) throws SQLException {
        return answered(c, "closed_at >= ? AND closed_at < ? ORDER BY closed_at", from, to);
    }

    private static List<Answered> answered(Connection c, String where, Object... args) throws SQLException {
        List<Answered> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, unit_code, question, answers, closed_at FROM handoff_tickets "
                + "WHERE status = 'closed' AND answers IS NOT NULL AND question <> '' AND " + where)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Answered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
        }
        return out;
    }

    static void close(Connection tx, String code, long now) throws SQLException {
        update(tx, "UPDATE handoff_tickets SET status = 'closed', closed_at = ? WHERE code = ?", now, code);
    }

    static boolean helped(Connection tx, String code, String citizenId, boolean helped) throws SQLException {
        return update(tx, "UPDATE handoff_tickets SET helped = ? WHERE code = ? AND citizen_id = ? AND status = 'closed'",
                helped ? 1 : 0, code, citizenId) == 1;
    }

    static void notified(Connection tx, String code, int level, long dueAt) throws SQLException {
        update(tx, "UPDATE handoff_tickets SET level = ?, notified = 1, due_at = ? WHERE code = ?", level, dueAt, code);
    }

    /** Nobody of any level could be messaged: tried again from the commune's own team, who may write first. */
    static void unreached(Connection tx, String code, boolean told) throws SQLException {
        update(tx, "UPDATE handoff_tickets SET level = ?, notified = 0, unreached_told = ? WHERE code = ?",
                Ticket.TEAM, told ? 1 : 0, code);
    }

    /** Goes up one level, to be messaged next; guarded by the level read so two runs cannot both raise it. */
    static boolean raise(Connection tx, Ticket t) throws SQLException {
        return update(tx, "UPDATE handoff_tickets SET level = level + 1, notified = 0 WHERE code = ? AND level = ? "
                + "AND status = 'open'", t.code(), t.level()) == 1;
    }

    /** Empties the texts and the citizen's id of closed tickets older than {@code before}: the counts stay. */
    static int purgeTexts(Connection tx, long before) throws SQLException {
        return update(tx, "UPDATE handoff_tickets SET question = '', bot_answer = NULL, answers = NULL, citizen_id = NULL "
                + "WHERE status = 'closed' AND closed_at < ? AND (question <> '' OR citizen_id IS NOT NULL)", before);
    }

    static int update(Connection tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }

    private static Optional<Ticket> first(Connection c, String sql, Object... args) throws SQLException {
        List<Ticket> all = list(c, sql, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Ticket> list(Connection c, String sql, Object... args) throws SQLException {
        List<Ticket> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Ticket(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Ticket.Status.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)),
                            rs.getInt(7), rs.getInt(8) == 1, rs.getInt(9) == 1, rs.getLong(10), rs.getString(11),
                            rs.getLong(12)));
                }
            }
        }
        return out;
    }
}
