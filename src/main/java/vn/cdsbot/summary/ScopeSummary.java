package vn.cdsbot.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.people.Unit;
import vn.cdsbot.period.Week;
import vn.cdsbot.summary.ReportData.Current;

/**
 * The figures of one scope (a unit and everything under it) for one week. A unit without a report adds nothing
 * and is counted as not reported: totals are always read beside the reporting rate, never as zeros.
 *
 * @param running the week has not ended yet, so its figures are so far
 * @param expected units counted for the week: reporting units not deactivated before it, plus any unit that reported
 * @param total the whole scope's tally
 * @param cumulative the sum of reports from the campaign's first week to this week inclusive
 * @param tallies every unit of the scope by code, each the tally of its own subtree (the spreadsheet's group rows)
 * @param parts one line per child unit with expected units in it, strongest first (see {@link Summarizer#STRONGEST_FIRST});
 *              when the scope itself reports, its own line comes first
 * @param missing expected units without a current report, in tree order
 * @param reports the current reports in scope, in tree order
 */
record ScopeSummary(Unit scope, Week week, boolean running, List<Unit> expected, List<Current> reports, Tally total,
                    long[] cumulative, Map<String, Tally> tallies, List<Part> parts, List<Unit> missing,
                    List<Current> late, List<Current> correctedAfterDeadline, List<Current> overridden) {

    /**
     * Counts and sums of one subtree for the week.
     *
     * @param totals the sum of the current reports, per indicator
     * @param given per indicator, how many of the reports gave a figure for it (a skipped indicator is not a 0)
     * @param compared units that reported both this week and the week before
     * @param comparedCount per indicator, the units that gave it both weeks: the like-with-like base of a change
     * @param comparedNow their sum this week, per indicator
     * @param comparedBefore their sum the week before, per indicator
     */
    record Tally(int expected, int reported, int late, long[] totals, int[] given, int compared, int[] comparedCount,
                 long[] comparedNow, long[] comparedBefore) {
        /** No unit of the subtree has reported: there are no figures, which is not the same as zero. */
        boolean noReports() {
            return reported == 0;
        }
    }

    /**
     * A child unit's share of the scope, or (own) the scope unit's own report when it reports and has reporting
     * units under it: a commune team's line beside its hamlets'.
     */
    record Part(Unit unit, Tally tally, boolean own) {}

    /** The reporting rate of one level of teams in a scope: "Tổ xã", 110 expected, 109 reported. */
    record Level(String label, int expected, int reported) {}

    /**
     * Expected and reported units per level (commune teams, hamlet teams …) in the configured order, so that
     * the levels' rates are read apart and never merged into one; a unit outside the levels that reported anyway
     * is counted under its own kind, last.
     */
    List<Level> levels(ReportingLevels reporting) {
        Set<String> absent = new HashSet<>();
        for (Unit u : missing) absent.add(u.code());
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Unit u : expected) {
            int level = reporting.level(u);
            String key = level < 0 ? "~" + u.kind() : String.format("%03d", level);
            labels.putIfAbsent(key, ReportingLevels.teamLabel(u.kind()));
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            if (!absent.contains(u.code())) c[1]++;
        }
        List<Level> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new Level(labels.get(k), c[0], c[1])));
        return out;
    }

    /** "Đã báo cáo 5/6 đơn vị (83,3 %)", or per level when the scope has several: "Tổ xã: 1/1 (100 %); Tổ thôn, ấp: 1/2 (50 %)". */
    String reportedText(ReportingLevels reporting) {
        List<Level> levels = levels(reporting);
        if (levels.size() <= 1) {
            return "Đã báo cáo " + reported() + "/" + expected.size() + " đơn vị (" + VnFormat.rate(reported(), expected.size()) + ")";
        }
        StringBuilder b = new StringBuilder("Đã báo cáo: ");
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            b.append(i == 0 ? "" : "; ").append(l.label()).append(' ').append(l.reported()).append('/').append(l.expected())
                    .append(" (").append(VnFormat.rate(l.reported(), l.expected())).append(')');
        }
        return b.toString();
    }

    long[] totals() {
        return total.totals();
    }

    int reported() {
        return reports.size();
    }

    int onTime() {
        return reports.size() - late.size();
    }
}
