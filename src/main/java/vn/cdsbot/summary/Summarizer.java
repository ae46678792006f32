package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Week;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ScopeSummary.Part;
import vn.cdsbot.summary.ScopeSummary.Tally;

/**
 * Computes a scope's figures from the stored reports, for a week or for a month, quarter or year (the sum of its
 * weeks); the one place subtree totals are summed.
 */
final class Summarizer {
    /**
     * "Strongest" = units with reports before units without, then the highest total of the first configured
     * indicator (lượt hỗ trợ by default), then the higher reporting rate, then the unit code, so the order is stable.
     */
    static final Comparator<Part> STRONGEST_FIRST = Comparator
            .comparing((Part p) -> p.tally().noReports())
            .thenComparingLong(p -> -p.tally().totals()[0])
            .thenComparingDouble(p -> p.tally().expected() == 0 ? 0 : -(double) p.tally().reported() / p.tally().expected())
            .thenComparing(p -> p.unit().code());

    private final Settings settings;
    private final ReportCache cache;

    Summarizer(Settings settings) {
        this.settings = settings;
        this.cache = new ReportCache(settings.indicatorCodes());
    }

    Settings settings() {
        return settings;
    }

    /** The in-memory copy of all current report values, brought up to date with what {@code c} sees. */
    ReportCache values(Connection c) throws SQLException {
        cache.sync(c);
        return cache;
    }

    /** Loads what the week needs and computes the summary, with the cumulative totals when asked. */
    ScopeSummary summarize(Connection c, UnitTree tree, Unit scope, Week week, boolean withCumulative, Instant now)
            throws SQLException {
        ReportCache values = values(c);
        Map<String, Current> current = ReportData.current(c, week, settings.indicatorCodes());
        long[] cumulative = withCumulative
                ? values.sum(tree.subtree(scope).stream().map(Unit::code).toList(), settings.campaignStart(), week)
                : new long[settings.indicators().size()];
        return compute(tree, scope, week, current, values.week(week.previous()), cumulative, now);
    }

    ScopeSummary compute(UnitTree tree, Unit scope, Week week, Map<String, Current> current,
                         Map<String, ReportData.Figures> previous, long[] cumulative, Instant now) {
        long deadline = settings.calendar().deadline(week).toEpochMilli();
        List<Unit> expected = new ArrayList<>();
        List<Current> reports = new ArrayList<>();
        List<Unit> missing = new ArrayList<>();
        List<Current> late = new ArrayList<>();
        List<Current> corrected = new ArrayList<>();
        List<Current> overridden = new ArrayList<>();
        for (Unit u : tree.subtree(scope)) {
            Current r = current.get(u.code());
            if (r != null) {
                reports.add(r);
                if (r.late()) late.add(r);
                if (r.corrected() && r.submittedAt() > deadline) corrected.add(r);
                if (r.override()) overridden.add(r);
            }
            if (isExpected(u, r, week)) {
                expected.add(u);
                if (r == null) missing.add(u);
            }
        }
        Map<String, Tally> tallies = new HashMap<>();
        Tally total = tally(tree, scope, week, current, previous, tallies, new HashSet<>());
        List<Part> parts = new ArrayList<>();
        for (Unit child : tree.children(scope)) {
            Tally t = tallies.get(child.code());
            if (t != null && t.expected() > 0) parts.add(new Part(child, t, false));
        }
        parts.sort(STRONGEST_FIRST);
        // A commune with hamlet teams: its own team's line first, so the two levels read side by side.
        Tally own = own(scope, week, current, previous);
        if (!parts.isEmpty() && own.expected() > 0) parts.add(0, new Part(scope, own, true));
        boolean running = week.runningOn(settings.calendar().today(now));
        return new ScopeSummary(scope, week, running, expected, reports, total, cumulative.clone(), Map.copyOf(tallies),
                parts, missing, late, corrected, overridden);
    }

    /** Expected: a unit of a reporting level that still existed in the week; a unit that reported anyway always counts. */
    boolean isExpected(Unit u, Current report, Week week) {
        if (report != null) return true;
        return settings.levels().reports(u) && u.existedDuring(week, settings.zone());
    }

    /** The tally of {@code u}'s subtree; every unit's tally goes into {@code out}. Safe against cycles in bad data. */
    private Tally tally(UnitTree tree, Unit u, Week week, Map<String, Current> current, Map<String, ReportData.Figures> previous,
                        Map<String, Tally> out, Set<String> seen) {
        seen.add(u.code());
        Tally t = own(u, week, current, previous);
        for (Unit child : tree.children(u)) {
            if (seen.contains(child.code())) continue;
            t = plus(t, tally(tree, child, week, current, previous, out, seen));
        }
        out.put(u.code(), t);
        return t;
    }

    /** The unit's own report alone: each team reports its own work, so this never contains a child's figures. */
    Tally own(Unit u, Week week, Map<String, Current> current, Map<String, ReportData.Figures> previous) {
        int n = settings.indicators().size();
        long[] totals = new long[n];
        int[] given = new int[n];
        int[] comparedCount = new int[n];
        long[] comparedNow = new long[n];
        long[] comparedBefore = new long[n];
        int reported = 0;
        int late = 0;
        int compared = 0;
        Current r = current.get(u.code());
        ReportData.Figures before = previous.get(u.code());
        int expected = isExpected(u, r, week) ? 1 : 0;
        if (r != null) {
            reported++;
            if (r.late()) late++;
            if (before != null) compared++;
            for (int i = 0; i < n; i++) {
                if (!r.has(i)) continue;
                totals[i] += r.values()[i];
                given[i]++;
                if (before != null && before.has(i)) {
                    comparedCount[i]++;
                    comparedNow[i] += r.values()[i];
                    comparedBefore[i] += before.values()[i];
                }
            }
        }
        return new Tally(expected, reported, late, totals, given, compared, comparedCount, comparedNow, comparedBefore);
    }

    private static Tally plus(Tally a, Tally b) {
        int n = a.totals().length;
        long[] totals = a.totals().clone();
        long[] comparedNow = a.comparedNow().clone();
        long[] comparedBefore = a.comparedBefore().clone();
        int[] given = a.given().clone();
        int[] comparedCount = a.comparedCount().clone();
        add(totals, b.totals());
        add(comparedNow, b.comparedNow());
        add(comparedBefore, b.comparedBefore());
        for (int i = 0; i < n; i++) {
            given[i] += b.given()[i];
            comparedCount[i] += b.comparedCount()[i];
        }
        return new Tally(a.expected() + b.expected(), a.reported() + b.reported(), a.late() + b.late(), totals, given,
                a.compared() + b.compared(), comparedCount, comparedNow, comparedBefore);
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < into.length; i++) into[i] += values[i];
    }

    // ---- months, quarters, years ------------------------------------------------------------------------------

    static final Comparator<PeriodSummary.Part> STRONGEST_OVER_PERIOD = Comparator
            .comparing((PeriodSummary.Part p) -> p.tally().noReports())
            .thenComparingLong(p -> -p.tally().totals()[0])
            .thenComparingDouble(p -> p.tally().weeksExpected() == 0 ? 0
                    : -(double) p.tally().weeksReported() / p.tally().weeksExpected())
            .thenComparing(p -> p.unit().code());

    /**
     * A month, quarter or year for the scope: its weeks that have begun, each read once from the report cache
     * (so a daily figure that lands in a week's figures lands here too), compared with the period before and the
     * same period a year earlier.
     */
    PeriodSummary summarizePeriod(Connection c, UnitTree tree, Unit scope, vn.cdsbot.period.Period period, Instant now)
            throws SQLException {
        ReportCache values = values(c);
        java.time.LocalDate today = settings.calendar().today(now);
        List<Week> begun = period.weeks().stream().filter(w -> !w.monday().isAfter(today)).toList();
        vn.cdsbot.period.Period previous = period.previous();
        vn.cdsbot.period.Period same = sameLastYear(period);
        List<Unit> subtree = tree.subtree(scope);
        List<String> codes = subtree.stream().map(Unit::code).toList();
        Map<String, ReportCache.Span> reported = values.spans(codes, begun);
        Map<String, ReportCache.Span> before = values.spans(codes, previous.weeks());
        Map<String, ReportCache.Span> last = same == null ? Map.of() : values.spans(codes, same.weeks());
        int n = settings.indicators().size();
        long[] cumulative = begun.isEmpty() ? new long[n]
                : values.sum(codes, settings.campaignStart(), begun.get(begun.size() - 1));
        Map<String, PeriodSummary.UnitWeeks> byCode = new HashMap<>();
        List<PeriodSummary.UnitWeeks> units = new ArrayList<>();
        for (Unit u : subtree) {
            ReportCache.Span span = reported.get(u.code());
            int expected = expectedWeeks(u, begun, span);
            if (expected == 0) continue;
            PeriodSummary.UnitWeeks uw = new PeriodSummary.UnitWeeks(u, expected, span, before.get(u.code()),
                    last.get(u.code()));
            units.add(uw);
            byCode.put(u.code(), uw);
        }
        Map<String, PeriodSummary.Tally> tallies = new HashMap<>();
        PeriodSummary.Tally total = periodTally(tree, scope, byCode, tallies, new HashSet<>());
        List<PeriodSummary.Part> parts = new ArrayList<>();
        for (Unit child : tree.children(scope)) {   // any scope with units under it, a commune with hamlets too
            PeriodSummary.Tally t = tallies.get(child.code());
            if (t != null && t.units() > 0) parts.add(new PeriodSummary.Part(child, t));
        }
        parts.sort(STRONGEST_OVER_PERIOD);
        return new PeriodSummary(scope, period, begun, period.runningOn(today), previous, same, !last.isEmpty(),
                cumulative, units, Map.copyOf(tallies), total, parts);
    }

    /** The same month or quarter a year earlier; none for a year, whose previous period is last year already. */
    static vn.cdsbot.period.Period sameLastYear(vn.cdsbot.period.Period p) {
        if (p instanceof vn.cdsbot.period.Month m) return new vn.cdsbot.period.Month(m.month().minusYears(1));
        if (p instanceof vn.cdsbot.period.Quarter q) return new vn.cdsbot.period.Quarter(q.year() - 1, q.quarter());
        return null;
    }

    /**
     * The weeks a unit was to report: begun weeks from the campaign start on while a reporting-kind unit existed,
     * plus any week it reported anyway (so every report in the totals is also in the rate).
     */
    int expectedWeeks(Unit u, List<Week> weeks, ReportCache.Span span) {
        int expected = 0;
        for (int k = 0; k < weeks.size(); k++) {
            Week w = weeks.get(k);
            boolean reported = span != null && (span.weekBits() >>> k & 1L) == 1L;
            if (reported || w.compareTo(settings.campaignStart()) >= 0 && isExpected(u, null, w)) expected++;
        }
        return expected;
    }

    private PeriodSummary.Tally periodTally(UnitTree tree, Unit u, Map<String, PeriodSummary.UnitWeeks> units,
                                            Map<String, PeriodSummary.Tally> out, Set<String> seen) {
        int n = settings.indicators().size();
        int count = 0;
        int full = 0;
        int none = 0;
        int weeksExpected = 0;
        int weeksReported = 0;
        long[] totals = new long[n];
        int[] given = new int[n];
        long[] previousTotals = new long[n];
        int[] previousGiven = new int[n];
        Acc previous = new Acc(n);
        Acc same = new Acc(n);
        seen.add(u.code());
        PeriodSummary.UnitWeeks uw = units.get(u.code());
        if (uw != null) {
            count++;
            weeksExpected += uw.expected();
            weeksReported += uw.reported();
            if (uw.now() == null) none++;
            else if (uw.full()) full++;
            ReportCache.Span now = uw.now();
            ReportCache.Span before = uw.before();
            for (int i = 0; i < n; i++) {
                if (now != null && now.has(i)) {
                    totals[i] += now.values()[i];
                    given[i]++;
                }
                if (before != null && before.has(i)) {
                    previousTotals[i] += before.values()[i];
                    previousGiven[i]++;
                }
            }
            previous.add(now, before);
            same.add(now, uw.sameLastYear());
        }
        for (Unit child : tree.children(u)) {
            if (seen.contains(child.code())) continue;
            PeriodSummary.Tally c = periodTally(tree, child, units, out, seen);
            count += c.units();
            full += c.full();
            none += c.none();
            weeksExpected += c.weeksExpected();
            weeksReported += c.weeksReported();
            add(totals, c.totals());
            add(previousTotals, c.previousTotals());
            for (int i = 0; i < n; i++) {
                given[i] += c.given()[i];
                previousGiven[i] += c.previousGiven()[i];
            }
            previous.add(c.previous());
            same.add(c.sameLastYear());
        }
        PeriodSummary.Tally t = new PeriodSummary.Tally(count, full, none, weeksExpected, weeksReported, totals, given,
                previousTotals, previousGiven, previous.change(), same.change());
        out.put(u.code(), t);
        return t;
    }

    /** Sums a like-with-like comparison up the tree. */
    private static final class Acc {
        int units;
        final int[] count;
        final long[] now;
        final long[] before;

        Acc(int n) {
            count = new int[n];
            now = new long[n];
            before = new long[n];
        }

        void add(ReportCache.Span a, ReportCache.Span b) {
            if (a == null || b == null) return;
            units++;
            for (int i = 0; i < count.length; i++) {
                if (a.has(i) && b.has(i)) {
                    count[i]++;
                    now[i] += a.values()[i];
                    before[i] += b.values()[i];
                }
            }
        }

        void add(PeriodSummary.Change c) {
            units += c.units();
            for (int i = 0; i < count.length; i++) {
                count[i] += c.count()[i];
                now[i] += c.now()[i];
                before[i] += c.before()[i];
            }
        }

        PeriodSummary.Change change() {
            return new PeriodSummary.Change(units, count, now, before);
        }
    }
}
