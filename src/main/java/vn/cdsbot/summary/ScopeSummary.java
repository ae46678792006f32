package vn.cdsbot.summary;

import java.util.List;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.UnitTree.Unit;

/**
 * The figures of one scope (a unit and everything under it) for one week.
 *
 * @param expected units counted for the week: reporting units not deactivated before it, plus any unit that reported
 * @param totals sum of the current reports in scope, per indicator
 * @param previous the same for the week before
 * @param cumulative the same from the campaign's first week to this week inclusive
 * @param parts one line per child unit with units under it, strongest first (see {@link Summarizer#STRONGEST_FIRST})
 * @param missing expected units without a current report, in tree order
 * @param reports the current reports in scope, in tree order
 */
record ScopeSummary(Unit scope, Week week, List<Unit> expected, List<Current> reports, long[] totals, long[] previous,
                    long[] cumulative, List<Part> parts, List<Unit> missing, List<Current> late,
                    List<Current> correctedAfterDeadline, List<Current> overridden) {

    /** A child unit's share of the scope. */
    record Part(Unit unit, int expected, int reported, int late, long[] totals, long[] previous) {}

    int reported() {
        return reports.size();
    }

    int onTime() {
        return reports.size() - late.size();
    }
}
