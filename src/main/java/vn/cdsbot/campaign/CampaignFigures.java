package vn.cdsbot.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.period.Week;

/**
 * What each unit did in a campaign, read from the current reports by {@link FigureRule}: its daily figures on the
 * campaign's days, plus the weekly value of a whole week inside the campaign for an indicator none of that week's
 * days carried (placed on the week's Sunday in the daily series). Each unit holds only its own work; subtree
 * totals add units up, so nothing is counted twice.
 */
public final class CampaignFigures {
    /**
     * One unit's work. {@code series[i][d]}: indicator i (campaign order) on day d (0 = the first day);
     * {@code daysReported}: the days with a daily figure.
     */
    public record UnitDone(String unit, long[][] series, long[] total, BitSet daysReported) {
        public boolean reportedOn(int day) {
            return daysReported.get(day);
        }
    }

    /** Where a command gets a campaign's figures: read now ({@link #load}) or kept ({@link CampaignFiguresCache}). */
    @FunctionalInterface
    public interface Source {
        CampaignFigures of(Connection c, Campaign campaign) throws SQLException;

        Source READ = CampaignFigures::load;
    }

    private final Campaign campaign;
    private final Map<String, UnitDone> byUnit;

    private CampaignFigures(Campaign campaign, Map<String, UnitDone> byUnit) {
        this.campaign = campaign;
        this.byUnit = byUnit;
    }

    public Campaign campaign() {
        return campaign;
    }

    public Optional<UnitDone> of(String unit) {
        return Optional.ofNullable(byUnit.get(unit));
    }

    public Set<String> units() {
        return byUnit.keySet();
    }

    /** Index of {@code day} in the series (0 = the campaign's first day). */
    public int dayIndex(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(campaign.first(), day);
    }

    /** The sum over {@code units} of indicator {@code i} (campaign order) from the first day to {@code upTo}. */
    public long done(Collection<String> units, int i, LocalDate upTo) {
        int last = Math.min(dayIndex(upTo), campaign.length() - 1);
        long sum = 0;
        for (String u : units) {
            UnitDone d = byUnit.get(u);
            if (d == null) continue;
            if (last == campaign.length() - 1) sum += d.total()[i];
            else for (int k = 0; k <= last; k++) sum += d.series()[i][k];
        }
        return sum;
    }

    /** Per day of the campaign, the sum over {@code units} of indicator {@code i} (campaign order). */
    public long[] daily(Collection<String> units, int i) {
        long[] out = new long[campaign.length()];
        for (String u : units) {
            UnitDone d = byUnit.get(u);
            if (d == null) continue;
            long[] s = d.series()[i];
            for (int k = 0; k < out.length; k++) out[k] += s[k];
        }
        return out;
    }

    public static CampaignFigures load(Connection c, Campaign campaign) throws SQLException {
        return load(c, campaign, null);
    }

    /**
     * The same figures with those of {@code units} read again from the reports (a unit with nothing now is dropped):
     * what changed when only those units sent or corrected figures.
     */
    public CampaignFigures reload(Connection c, Collection<String> units) throws SQLException {
        CampaignFigures fresh = load(c, campaign, units);
        Map<String, UnitDone> out = new HashMap<>(byUnit);
        for (String u : units) {
            UnitDone d = fresh.byUnit.get(u);
            if (d == null) out.remove(u); else out.put(u, d);
        }
        return new CampaignFigures(campaign, out);
    }

    /** @param only the units to read, null for all */
    private static CampaignFigures load(Connection c, Campaign campaign, Collection<String> only) throws SQLException {
        int n = campaign.indicators().size();
        int days = campaign.length();
        // Per unit and week: the weekly report's values and the days' values, then FigureRule decides.
        Map<String, Map<Week, Cell>> cells = new HashMap<>();
        Map<String, BitSet> reportedDays = new HashMap<>();
        Week firstWeek = Week.containing(campaign.first());
        try (PreparedStatement ps = c.prepareStatement("SELECT r.unit_code, r.week_start, r.day, v.indicator, v.value "
                + "FROM reports r JOIN report_values v ON v.report_id = r.id WHERE r.superseded_by IS NULL "
                + "AND r.week_start >= ? AND r.week_start <= ?"
                + (only == null ? "" : " AND r.unit_code IN (" + String.join(",", java.util.Collections.nCopies(only.size(), "?")) + ")"))) {
            ps.setString(1, firstWeek.key());
            ps.setString(2, campaign.last().toString());
            if (only != null) {
                int k = 3;
                for (String u : only) ps.setString(k++, u);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = campaign.indicators().indexOf(rs.getString(4));
                    String unit = rs.getString(1);
                    String day = rs.getString(3);
                    Week week = Week.parse(rs.getString(2));
                    if (day != null) {
                        LocalDate d = LocalDate.parse(day);
                        if (!campaign.runsOn(d)) continue;
                        int k = (int) ChronoUnit.DAYS.between(campaign.first(), d);
                        reportedDays.computeIfAbsent(unit, u -> new BitSet(days)).set(k);
                        if (i < 0) continue;
                        Cell cl = cell(cells, unit, week, n);
                        cl.daily()[i][(int) ChronoUnit.DAYS.between(week.first(), d)] = rs.getLong(5);
                        cl.given()[1] |= 1L << i;
                    } else if (i >= 0 && FigureRule.weekCountsFor(week, campaign.first(), campaign.last())) {
                        Cell cl = cell(cells, unit, week, n);
                        cl.weekly()[i] = rs.getLong(5);
                        cl.given()[0] |= 1L << i;
                    }
                }
            }
        }
        Map<String, UnitDone> out = new HashMap<>();
        for (Map.Entry<String, Map<Week, Cell>> u : cells.entrySet()) {
            long[][] series = new long[n][days];
            long[] total = new long[n];
            for (Map.Entry<Week, Cell> w : u.getValue().entrySet()) {
                Cell cl = w.getValue();
                long[] daySums = new long[n];
                for (int i = 0; i < n; i++) for (long v : cl.daily()[i]) daySums[i] += v;
                long[] merged = new long[n];
                long given = FigureRule.week(cl.weekly(), cl.given()[0], daySums, cl.given()[1], merged);
                for (int i = 0; i < n; i++) {
                    if ((given & 1L << i) == 0) continue;
                    if ((cl.given()[1] & 1L << i) != 0) {
                        for (int k = 0; k < 7; k++) {
                            LocalDate d = w.getKey().first().plusDays(k);
                            if (campaign.runsOn(d)) series[i][(int) ChronoUnit.DAYS.between(campaign.first(), d)] += cl.daily()[i][k];
                        }
                    } else {
                        series[i][(int) ChronoUnit.DAYS.between(campaign.first(), w.getKey().last())] += merged[i];
                    }
                    total[i] += merged[i];
                }
            }
            out.put(u.getKey(), new UnitDone(u.getKey(), series, total, reportedDays.getOrDefault(u.getKey(), new BitSet(days))));
        }
        for (Map.Entry<String, BitSet> e : reportedDays.entrySet()) {
            out.computeIfAbsent(e.getKey(), k -> new UnitDone(k, new long[n][days], new long[n], e.getValue()));
        }
        return new CampaignFigures(campaign, out);
    }

    /** One unit's reports in one week: the weekly values, the days' values (Monday = 0), and {weekly, days} given masks. */
    private record Cell(long[] weekly, long[] given, long[][] daily) {}

    private static Cell cell(Map<String, Map<Week, Cell>> cells, String unit, Week week, int n) {
        return cells.computeIfAbsent(unit, u -> new HashMap<>())
                .computeIfAbsent(week, w -> new Cell(new long[n], new long[2], new long[n][7]));
    }
}
