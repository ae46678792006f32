package vn.cdsbot.summary;

import java.util.List;
import java.util.Map;
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
 * @param parts one line per child unit with units under it, strongest first (see {@link Summarizer#STRONGEST_FIRST})
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

    /** A child unit's share of the scope. */
    record Part(Unit unit, Tally tally) {}

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
