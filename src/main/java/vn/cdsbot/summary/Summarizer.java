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

/** Computes a scope's weekly figures from the stored reports; the one place subtree totals are summed. */
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
}
