package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cdsbot.period.Week;
import vn.cdsbot.campaign.FigureRule;

/**
 * The values of every current report, kept in memory so a summary does not re-read a year of reports on every
 * request (the cumulative totals would otherwise cost a 250,000-row join each time).
 *
 * <p>Kept exact cheaply because confirmed reports are append-only: a correction is a new row that supersedes the
 * old one. Each {@link #sync} compares a fingerprint of the current set (count and sum of ids, one pass over the
 * partial index) with the cache; if it differs, the rows newer than the last seen id are added, each replacing
 * its unit's entry for that week (or day), and if the fingerprint still differs (a row deleted or un-superseded) the cache
 * is reloaded whole.
 */
final class ReportCache {
    private record Entry(long id, ReportData.Figures figures) {}

    /** One unit's current reports in one week: its own weekly report and its daily figures, merged by FigureRule. */
    private static final class UnitWeek {
        Entry weekly;
        final Map<String, Entry> days = new HashMap<>();
        ReportData.Figures merged;

        /** Puts a current row in its place; returns the row it replaced, if any. */
        Entry put(String day, Entry e) {
            merged = null;
            if (day == null) {
                Entry old = weekly;
                weekly = e;
                return old;
            }
            return days.put(day, e);
        }

        ReportData.Figures figures(int n) {
            if (merged != null) return merged;
            long[] daySums = new long[n];
            long daysGiven = 0;
            for (Entry d : days.values()) {
                for (int i = 0; i < n; i++) if (d.figures().has(i)) daySums[i] += d.figures().values()[i];
                daysGiven |= d.figures().given();
            }
            long[] out = new long[n];
            long given = weekly == null && days.isEmpty() ? 0 : FigureRule.week(
                    weekly == null ? new long[n] : weekly.figures().values(), weekly == null ? 0 : weekly.figures().given(),
                    daySums, daysGiven, out);
            merged = new ReportData.Figures(out, given);
            return merged;
        }
    }

    private final List<String> indicators;
    private final TreeMap<Week, Map<String, UnitWeek>> byWeek = new TreeMap<>();
    private boolean loaded;
    private long count;
    private long idSum;
    private long maxId;

    ReportCache(List<String> indicators) {
        this.indicators = List.copyOf(indicators);
    }

    synchronized void sync(Connection c) throws SQLException {
        long[] fp = fingerprint(c);
        if (loaded && fp[0] == count && fp[1] == idSum) return;
        if (loaded) {
            load(c, maxId);
            if (fp[0] == count && fp[1] == idSum) return;
        }
        byWeek.clear();
        count = 0;
        idSum = 0;
        maxId = 0;
        load(c, 0);
        loaded = true;
    }

    private static long[] fingerprint(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(id), 0) FROM reports WHERE superseded_by IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Adds the current reports with an id above {@code after}. */
    private void load(Connection c, long after) throws SQLException {
        Map<Long, long[]> values = new HashMap<>();
        Map<Long, Long> given = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT v.report_id, v.indicator, v.value FROM reports r JOIN report_values v ON v.report_id = r.id "
                        + "WHERE r.id > ? AND r.superseded_by IS NULL")) {
            ps.setLong(1, after);
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
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, unit_code, week_start, day FROM reports WHERE id > ? AND superseded_by IS NULL ORDER BY id")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Entry e = new Entry(id, new ReportData.Figures(values.getOrDefault(id, new long[indicators.size()]),
                            given.getOrDefault(id, 0L)));
                    Entry old = byWeek.computeIfAbsent(Week.parse(rs.getString(3)), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new UnitWeek()).put(rs.getString(4), e);
                    if (old != null) {
                        count--;
                        idSum -= old.id();
                    }
                    count++;
                    idSum += id;
                    maxId = Math.max(maxId, id);
                }
            }
        }
    }

    /** Unit → its figures for the week (its weekly report and daily figures, by FigureRule). */
    synchronized Map<String, ReportData.Figures> week(Week w) {
        Map<String, ReportData.Figures> out = new HashMap<>();
        Map<String, UnitWeek> m = byWeek.get(w);
        int n = indicators.size();
        if (m != null) m.forEach((unit, e) -> out.put(unit, e.figures(n)));
        return out;
    }

    /** The sum over the given units of their current reports from..to inclusive. */
    synchronized long[] sum(Collection<String> units, Week from, Week to) {
        long[] out = new long[indicators.size()];
        if (from.compareTo(to) > 0) return out;
        for (Map<String, UnitWeek> m : byWeek.subMap(from, true, to, true).values()) {
            for (String u : units) {
                UnitWeek e = m.get(u);
                if (e != null) for (int i = 0; i < out.length; i++) out[i] += e.figures(out.length).values()[i];
            }
        }
        return out;
    }

    /**
     * Per unit, the sum of its current reports from..to inclusive; an indicator counts as given when any of those
     * reports gave it. A unit without any report in the range is absent: it has no cumulative figure, not a 0.
     */
    synchronized Map<String, ReportData.Figures> sumPerUnit(Collection<String> units, Week from, Week to) {
        Map<String, ReportData.Figures> out = new HashMap<>();
        if (from.compareTo(to) > 0) return out;
        int n = indicators.size();
        for (Map<String, UnitWeek> m : byWeek.subMap(from, true, to, true).values()) {
            for (String u : units) {
                UnitWeek e = m.get(u);
                if (e == null) continue;
                ReportData.Figures f = e.figures(n);
                ReportData.Figures acc = out.get(u);
                long[] values = acc == null ? new long[n] : acc.values();
                for (int i = 0; i < n; i++) if (f.has(i)) values[i] += f.values()[i];
                out.put(u, new ReportData.Figures(values, (acc == null ? 0 : acc.given()) | f.given()));
            }
        }
        return out;
    }

    /**
     * A unit's reports over a run of weeks: the sum of what it gave (an indicator counts as given when any week
     * gave it), and which weeks it reported, bit k for the k-th week of the run.
     */
    record Span(long[] values, long given, long weekBits) {
        boolean has(int indicator) {
            return ReportData.Figures.has(given, indicator);
        }

        int weeks() {
            return Long.bitCount(weekBits);
        }

        ReportData.Figures figures() {
            return new ReportData.Figures(values, given);
        }
    }

    /** Per unit with at least one report in the weeks (consecutive, at most 64), its {@link Span}. */
    synchronized Map<String, Span> spans(Collection<String> units, List<Week> weeks) {
        Map<String, Span> out = new HashMap<>();
        if (weeks.isEmpty()) return out;
        if (weeks.size() > 64) throw new IllegalArgumentException("at most 64 weeks, got " + weeks.size());
        int n = indicators.size();
        Map<String, long[]> values = new HashMap<>();
        Map<String, long[]> bits = new HashMap<>();   // {given, weekBits}
        for (int k = 0; k < weeks.size(); k++) {
            Map<String, UnitWeek> m = byWeek.get(weeks.get(k));
            if (m == null) continue;
            for (String u : units) {
                UnitWeek e = m.get(u);
                if (e == null) continue;
                ReportData.Figures f = e.figures(n);
                long[] v = values.computeIfAbsent(u, x -> new long[n]);
                for (int i = 0; i < n; i++) if (f.has(i)) v[i] += f.values()[i];
                long[] b = bits.computeIfAbsent(u, x -> new long[2]);
                b[0] |= f.given();
                b[1] |= 1L << k;
            }
        }
        values.forEach((u, v) -> out.put(u, new Span(v, bits.get(u)[0], bits.get(u)[1])));
        return out;
    }
}
