package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cdsbot.period.Week;
import vn.cdsbot.campaign.FigureRule;

/**
 * Reads confirmed reports. "Current" means not superseded: the one report that counts for a unit and week.
 * Values are arrays in the configured indicator order; an indicator the member skipped is not given: its slot
 * holds 0 but its bit in {@code given} is clear, so it is left out of totals' counts rather than taken as zero.
 */
final class ReportData {
    private ReportData() {}

    /** A unit's current report for one week. {@code corrected}: an earlier version was superseded by it. */
    record Current(long id, String unit, String submittedBy, long submittedAt, boolean late, boolean override,
                   boolean corrected, long[] values, long given) {
        boolean has(int indicator) {
            return Figures.has(given, indicator);
        }
    }

    /** The figures of one report: values by indicator index, and which of them the member gave. */
    record Figures(long[] values, long given) {
        static boolean has(long given, int indicator) {
            return (given >>> indicator & 1L) == 1L;
        }

        boolean has(int indicator) {
            return has(given, indicator);
        }
    }

    /** One version of a report, current or superseded, for the export's history sheet. */
    /** @param day the day of a daily figure, null for the week's own report */
    record Version(long id, String unit, String submittedBy, String submitterName, long submittedAt, boolean late,
                   boolean override, Long supersededAt, long[] values, long given, java.time.LocalDate day) {
        boolean has(int indicator) {
            return Figures.has(given, indicator);
        }

        boolean current() {
            return supersededAt == null;
        }
    }

    /**
     * Each unit's figures for the week: its own weekly report and its daily figures of the week, merged by
     * {@link FigureRule}. The report's details (sender, time, late …) are those of the weekly report when there is
     * one, else of the latest daily figure; {@code corrected} when any of them replaced an earlier version.
     */
    static Map<String, Current> current(Connection c, Week week, List<String> indicators) throws SQLException {
        int n = indicators.size();
        Map<Long, long[]> values = new HashMap<>();
        Map<Long, Long> given = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT v.report_id, v.indicator, v.value FROM reports r JOIN report_values v ON v.report_id = r.id "
                        + "WHERE r.week_start = ? AND r.superseded_by IS NULL")) {
            ps.setString(1, week.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = indicators.indexOf(rs.getString(2));
                    if (i >= 0) {
                        values.computeIfAbsent(rs.getLong(1), k -> new long[n])[i] = rs.getLong(3);
                        given.merge(rs.getLong(1), 1L << i, (a, b) -> a | b);
                    }
                }
            }
        }
        Map<String, Current> weekly = new HashMap<>();
        Map<String, List<Current>> days = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT r.id, r.unit_code, r.submitted_by, r.submitted_at, r.late, r.plausibility_override, "
                        + "EXISTS (SELECT 1 FROM reports o WHERE o.week_start = r.week_start AND o.unit_code = r.unit_code "
                        + "AND COALESCE(o.day, '') = COALESCE(r.day, '') AND o.id <> r.id), r.day "
                        + "FROM reports r WHERE r.week_start = ? AND r.superseded_by IS NULL")) {
            ps.setString(1, week.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Current row = new Current(id, rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getInt(5) == 1, rs.getInt(6) == 1, rs.getInt(7) == 1,
                            values.getOrDefault(id, new long[n]), given.getOrDefault(id, 0L));
                    if (rs.getString(8) == null) weekly.put(row.unit(), row);
                    else days.computeIfAbsent(row.unit(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        Map<String, Current> out = new HashMap<>(weekly);
        for (Map.Entry<String, List<Current>> e : days.entrySet()) {
            List<Current> ds = e.getValue();
            long[] daySums = new long[n];
            long daysGiven = 0;
            boolean corrected = false;
            boolean override = false;
            Current latest = ds.get(0);
            for (Current d : ds) {
                for (int i = 0; i < n; i++) if (d.has(i)) daySums[i] += d.values()[i];
                daysGiven |= d.given();
                corrected |= d.corrected();
                override |= d.override();
                if (d.submittedAt() > latest.submittedAt()) latest = d;
            }
            Current w = weekly.get(e.getKey());
            long[] merged = new long[n];
            long mask = FigureRule.week(w == null ? new long[n] : w.values(), w == null ? 0 : w.given(), daySums, daysGiven, merged);
            Current base = w != null ? w : latest;
            out.put(e.getKey(), new Current(base.id(), base.unit(), base.submittedBy(), base.submittedAt(), base.late(),
                    base.override() || override, base.corrected() || corrected, merged, mask));
        }
        return out;
    }

    /** Every version of every report for the week, oldest first per unit. */
    static List<Version> history(Connection c, Week week, List<String> indicators) throws SQLException {
        Map<Long, long[]> values = new HashMap<>();
        Map<Long, Long> given = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT v.report_id, v.indicator, v.value FROM reports r JOIN report_values v ON v.report_id = r.id "
                        + "WHERE r.week_start = ?")) {
            ps.setString(1, week.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = indicators.indexOf(rs.getString(2));
                    if (i >= 0) {
                        values.computeIfAbsent(rs.getLong(1), k -> new long[indicators.size()])[i] = rs.getLong(3);
                        given.merge(rs.getLong(1), 1L << i, (a, b) -> a | b);
                    }
                }
            }
        }
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT r.id, r.unit_code, r.submitted_by, m.display_name, r.submitted_at, r.late, r.plausibility_override, "
                        + "r.superseded_at, r.superseded_by, r.day FROM reports r LEFT JOIN members m ON m.user_id = r.submitted_by "
                        + "WHERE r.week_start = ? ORDER BY r.unit_code, r.submitted_at, r.id")) {
            ps.setString(1, week.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long supAt = rs.getLong(8);
                    boolean supAtNull = rs.wasNull();
                    rs.getLong(9);
                    boolean superseded = !rs.wasNull();
                    Long supersededAt = superseded ? (supAtNull ? Long.valueOf(0) : Long.valueOf(supAt)) : null;
                    out.add(new Version(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getInt(6) == 1, rs.getInt(7) == 1, supersededAt,
                            values.getOrDefault(id, new long[indicators.size()]), given.getOrDefault(id, 0L),
                            rs.getString(10) == null ? null : java.time.LocalDate.parse(rs.getString(10))));
                }
            }
        }
        return out;
    }
}
