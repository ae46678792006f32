package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ScopeSummary.Part;
import vn.cdsbot.summary.UnitTree.Unit;

/** Computes a scope's weekly figures from the stored reports. */
final class Summarizer {
    /**
     * "Strongest" = the highest total of the first configured indicator (lượt hỗ trợ by default), then the higher
     * reporting rate, then the unit code, so the order is stable.
     */
    static final Comparator<Part> STRONGEST_FIRST = Comparator
            .comparingLong((Part p) -> -p.totals()[0])
            .thenComparingDouble(p -> p.expected() == 0 ? 0 : -(double) p.reported() / p.expected())
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
    ScopeSummary summarize(Connection c, UnitTree tree, Unit scope, Week week, boolean withCumulative) throws SQLException {
        ReportCache values = values(c);
        Map<String, Current> current = ReportData.current(c, week, settings.indicatorCodes());
        long[] cumulative = withCumulative
                ? values.sum(tree.subtree(scope).stream().map(Unit::code).toList(), settings.campaignStart(), week)
                : new long[settings.indicators().size()];
        return compute(tree, scope, week, current, values.week(week.previous()), cumulative);
    }

    ScopeSummary compute(UnitTree tree, Unit scope, Week week, Map<String, Current> current,
                         Map<String, long[]> previous, long[] cumulative) {
        int n = settings.indicators().size();
        long deadline = settings.deadline().after(week, settings.zone()).toEpochMilli();
        Acc all = new Acc(n);
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
            all.add(u, r, previous.get(u.code()), week);
        }

        List<Part> parts = new ArrayList<>();
        if (!scope.kind().equals(settings.reportingKind()) || scope.virtual()) {
            for (Unit child : tree.children(scope)) {
                Acc acc = new Acc(n);
                for (Unit u : tree.subtree(child)) acc.add(u, current.get(u.code()), previous.get(u.code()), week);
                if (acc.expected > 0) {
                    parts.add(new Part(child, acc.expected, acc.reported, acc.late, acc.totals, acc.previous));
                }
            }
            parts.sort(STRONGEST_FIRST);
        }
        return new ScopeSummary(scope, week, expected, reports, all.totals, all.previous, cumulative.clone(), parts, missing, late,
                corrected, overridden);
    }

    /** Expected: a reporting-kind unit that still existed in the week; a unit that reported anyway always counts. */
    boolean isExpected(Unit u, Current report, Week week) {
        if (report != null) return true;
        return u.kind().equals(settings.reportingKind()) && u.existedDuring(week, settings.zone());
    }

    /** Sums for one branch. */
    private final class Acc {
        final long[] totals;
        final long[] previous;
        int expected;
        int reported;
        int late;

        Acc(int n) {
            totals = new long[n];
            previous = new long[n];
        }

        void add(Unit u, Current r, long[] prev, Week week) {
            if (isExpected(u, r, week)) expected++;
            if (r != null) {
                reported++;
                if (r.late()) late++;
                for (int i = 0; i < totals.length; i++) totals[i] += r.values()[i];
            }
            if (prev != null) for (int i = 0; i < previous.length; i++) previous[i] += prev[i];
        }
    }
}
