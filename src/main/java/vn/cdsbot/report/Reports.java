package vn.cdsbot.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.period.Day;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.Week;

/**
 * Confirmed reports. A report is about a week or, during a campaign, about one day (docs/summaries.md, "Số theo
 * ngày và số theo tuần"). A unit has at most one current report per week and one per day (superseded_by IS NULL);
 * a newer one supersedes it and the old row stays as history.
 */
final class Reports {

    /** @param period a {@link Week}, or a {@link Day} for a daily figure */
    record Report(long id, String unitCode, Period period, String submittedBy, long submittedAt, boolean late,
                  boolean plausibilityOverride, Long supersededBy, Map<String, Long> values) {
        boolean current() {
            return supersededBy == null;
        }

        /** The week the report is in: its own, or the day's. */
        Week week() {
            return Week.containing(period.first());
        }

        boolean daily() {
            return period instanceof Day;
        }
    }

    /** A newly stored report and the one it replaced, if any. */
    /**
     * @param replaced the report this one superseded
     * @param overtakenBy a report of the same unit and week confirmed later in time but handled earlier (another
     *     member's, from another chat): it stays current and this one goes straight into the history
     */
    record Stored(Report report, Optional<Report> replaced, Optional<Report> overtakenBy) {}

    private static final String COLUMNS = "id, unit_code, week_start, submitted_by, submitted_at, late, "
            + "plausibility_override, superseded_by, day FROM reports";
    /** Matches the rows of one period: a week's own report (day NULL) or one day's. */
    private static final String SAME_PERIOD = "unit_code = ? AND week_start = ? AND COALESCE(day, '') = ?";

    private Reports() {}

    static Optional<Report> current(Connection c, String unitCode, Period period) throws SQLException {
        List<Report> r = query(c, "SELECT " + COLUMNS + " WHERE " + SAME_PERIOD + " AND superseded_by IS NULL",
                unitCode, weekKey(period), dayKey(period));
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    static Optional<Report> bySource(Connection c, long inboxId) throws SQLException {
        List<Report> r = query(c, "SELECT " + COLUMNS + " WHERE source_inbox_id = ?", inboxId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    static Optional<Report> lastBy(Connection c, String userId) throws SQLException {
        List<Report> r = query(c, "SELECT " + COLUMNS + " WHERE submitted_by = ? ORDER BY submitted_at DESC, id DESC LIMIT 1",
                userId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** Every version for the unit and period (a week's own report, or one day's), oldest first. */
    static List<Report> versions(Connection c, String unitCode, Period period) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " WHERE " + SAME_PERIOD + " ORDER BY submitted_at, id",
                unitCode, weekKey(period), dayKey(period));
    }

    /** Every version of the unit's reports in the week, its own and its days', oldest first. */
    static List<Report> versionsInWeek(Connection c, String unitCode, Week week) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " WHERE unit_code = ? AND week_start = ? ORDER BY submitted_at, id",
                unitCode, week.toString());
    }

    /** The unit's current daily figures of the week, by day. */
    static List<Report> daysOf(Connection c, String unitCode, Week week) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " WHERE unit_code = ? AND week_start = ? AND day IS NOT NULL "
                + "AND superseded_by IS NULL ORDER BY day", unitCode, week.toString());
    }

    /** The unit's latest submissions (any week, current or not), newest first. */
    static List<Report> latest(Connection c, String unitCode, int limit) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " WHERE unit_code = ? ORDER BY submitted_at DESC, id DESC LIMIT ?",
                unitCode, limit);
    }

    /** Current reports of the unit of the same kind (weeks, or days) before {@code period}, newest first. */
    static List<Report> recentBefore(Connection c, String unitCode, Period period, int limit) throws SQLException {
        if (period instanceof Day d) {
            return query(c, "SELECT " + COLUMNS + " WHERE unit_code = ? AND day IS NOT NULL AND day < ? "
                    + "AND superseded_by IS NULL ORDER BY day DESC LIMIT ?", unitCode, d.key(), limit);
        }
        return query(c, "SELECT " + COLUMNS + " WHERE unit_code = ? AND week_start < ? AND day IS NULL "
                + "AND superseded_by IS NULL ORDER BY week_start DESC LIMIT ?", unitCode, weekKey(period), limit);
    }

    /** Units with figures for the week: their own weekly report, or a daily figure of one of its days. */
    static Set<String> reportedUnits(Connection c, Week week) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT unit_code FROM reports WHERE week_start = ? AND superseded_by IS NULL")) {
            ps.setString(1, week.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Stores a confirmed report and supersedes the unit's current one for the week, in the caller's
     * transaction. {@code sourceInboxId} is unique, so a replayed event cannot add a second report.
     */
    static Stored confirm(Connection tx, String unitCode, Period period, Map<String, Long> values, String userId,
                          long at, boolean late, boolean override, long sourceInboxId) throws SQLException {
        Optional<Report> current = current(tx, unitCode, period);
        // The latest confirmation counts. Members' chats are handled in parallel, so a confirmation sent earlier can
        // arrive here after a later one of the same unit: it is then history at once, never the current report.
        Optional<Report> newer = current.filter(r -> r.submittedAt() > at);
        Optional<Report> old = newer.isPresent() ? Optional.empty() : current;
        // The partial unique index allows one current row per unit and week, and superseded_by must name an
        // existing row: park the current row on itself while the new one is inserted.
        if (current.isPresent()) {
            update(tx, "UPDATE reports SET superseded_by = id, superseded_at = ? WHERE id = ?", at, current.get().id());
        }
        long id;
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO reports (unit_code, week_start, submitted_by, "
                + "submitted_at, late, plausibility_override, source_inbox_id, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, unitCode);
            ps.setString(2, weekKey(period));
            ps.setString(3, userId);
            ps.setLong(4, at);
            ps.setInt(5, late ? 1 : 0);
            ps.setInt(6, override ? 1 : 0);
            ps.setLong(7, sourceInboxId);
            ps.setString(8, period instanceof Day ? period.key() : null);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> e : values.entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (old.isPresent()) update(tx, "UPDATE reports SET superseded_by = ? WHERE id = ?", id, old.get().id());
        Long successor = null;
        if (newer.isPresent()) {
            update(tx, "UPDATE reports SET superseded_by = ?, superseded_at = ? WHERE id = ?", newer.get().id(),
                    newer.get().submittedAt(), id);
            update(tx, "UPDATE reports SET superseded_by = NULL, superseded_at = NULL WHERE id = ?", newer.get().id());
            successor = placeInHistory(tx, id, at, newer.get());
        }
        Report stored = new Report(id, unitCode, period, userId, at, late, override, successor, values);
        return new Stored(stored, old, newer);
    }

    /**
     * Puts the just-inserted report {@code id}, confirmed at {@code at}, into its place in the unit's history, a chain
     * ordered by confirmation time that ends at {@code current}: after the last report confirmed before it, before
     * the first confirmed after it. Returns the report that supersedes it.
     */
    private static long placeInHistory(Connection tx, long id, long at, Report current) throws SQLException {
        long successor = current.id();
        long successorAt = current.submittedAt();
        while (true) {
            List<long[]> before = new ArrayList<>();
            try (PreparedStatement ps = tx.prepareStatement(
                    "SELECT id, submitted_at FROM reports WHERE superseded_by = ? AND id <> ? AND id <> superseded_by")) {
                ps.setLong(1, successor);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) before.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            if (before.isEmpty() || before.get(0)[1] <= at) {
                if (!before.isEmpty()) update(tx, "UPDATE reports SET superseded_by = ?, superseded_at = ? WHERE id = ?",
                        id, at, before.get(0)[0]);
                update(tx, "UPDATE reports SET superseded_by = ?, superseded_at = ? WHERE id = ?", successor, successorAt, id);
                return successor;
            }
            successor = before.get(0)[0];
            successorAt = before.get(0)[1];
        }
    }

    private static String weekKey(Period period) {
        return Week.containing(period.first()).key();
    }

    private static String dayKey(Period period) {
        return period instanceof Day ? period.key() : "";
    }

    private static void update(Connection tx, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    private static List<Report> query(Connection c, String sql, Object... args) throws SQLException {
        List<Report> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sup = rs.getLong(8);
                    Long supersededBy = rs.wasNull() ? null : sup;
                    String day = rs.getString(9);
                    Period period = day == null ? Week.parse(rs.getString(3)) : new Day(LocalDate.parse(day));
                    rows.add(new Report(rs.getLong(1), rs.getString(2), period, rs.getString(4),
                            rs.getLong(5), rs.getInt(6) == 1, rs.getInt(7) == 1, supersededBy, Map.of()));
                }
            }
        }
        if (rows.isEmpty()) return rows;
        Map<Long, Map<String, Long>> values = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT report_id, indicator, value FROM report_values "
                + "WHERE report_id IN (" + marks + ") ORDER BY report_id, rowid")) {
            for (int i = 0; i < rows.size(); i++) ps.setLong(i + 1, rows.get(i).id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) values.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        List<Report> out = new ArrayList<>();
        for (Report r : rows) {
            out.add(new Report(r.id(), r.unitCode(), r.period(), r.submittedBy(), r.submittedAt(), r.late(),
                    r.plausibilityOverride(), r.supersededBy(), values.getOrDefault(r.id(), Map.of())));
        }
        return out;
    }
}
