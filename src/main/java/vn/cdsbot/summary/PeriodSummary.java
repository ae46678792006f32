package vn.cdsbot.summary;

import java.util.List;
import java.util.Map;
import vn.cdsbot.people.Unit;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.Week;

/**
 * The figures of one scope for a month, a quarter or a year: the sum of the weeks that make it up (see
 * {@link Period#weeks()}). A unit is counted by how many of its expected weeks it reported; totals are over what
 * was reported, never with a 0 for what was not.
 *
 * @param weeks the period's weeks that have begun (all of them once it has ended)
 * @param running the period's last week has not ended yet
 * @param previous the period before (tháng trước, quý trước, năm trước)
 * @param sameLastYear the same month or quarter a year earlier; null for a year (its previous period is that)
 * @param sameLastYearHasData whether any unit in scope reported in {@code sameLastYear}
 * @param cumulative the scope's sum from the campaign's first week to the period's last week begun
 * @param units every expected unit of the scope in tree order, with its weeks
 * @param tallies every unit of the scope by code, each the tally of its own subtree
 * @param parts one line per child unit with units under it, strongest first
 */
record PeriodSummary(Unit scope, Period period, List<Week> weeks, boolean running, Period previous, Period sameLastYear,
                     boolean sameLastYearHasData, long[] cumulative, List<UnitWeeks> units, Map<String, Tally> tallies,
                     Tally total, List<Part> parts) {

    /**
     * One expected unit over the period.
     *
     * @param expected the weeks it was to report: begun, since the campaign start, while the unit existed, plus
     *                 any week it reported anyway
     * @param now its reports in the period, null when it reported no week
     * @param before its reports in the previous period, null when none
     * @param sameLastYear its reports in the same period a year earlier, null when none
     */
    record UnitWeeks(Unit unit, int expected, ReportCache.Span now, ReportCache.Span before, ReportCache.Span sameLastYear) {
        int reported() {
            return now == null ? 0 : now.weeks();
        }

        boolean full() {
            return reported() >= expected;
        }
    }

    /**
     * Counts and sums of one subtree for the period.
     *
     * @param units expected units
     * @param full units that reported every expected week
     * @param none units that reported no week (the rest reported some weeks)
     * @param totals the sum of the weeks reported, per indicator
     * @param given per indicator, how many units gave it in at least one week
     * @param previousTotals the sum of the previous period, per indicator
     * @param previousGiven per indicator, how many units gave it in the previous period
     * @param previous like with like against the previous period
     * @param sameLastYear like with like against the same period a year earlier
     */
    record Tally(int units, int full, int none, int weeksExpected, int weeksReported, long[] totals, int[] given,
                 long[] previousTotals, int[] previousGiven, Change previous, Change sameLastYear) {
        int reported() {
            return units - none;
        }

        int partial() {
            return units - full - none;
        }

        boolean noReports() {
            return reported() == 0;
        }
    }

    /**
     * A comparison like with like: per indicator, the units that gave it in both periods, and their sums.
     *
     * @param units units that reported in both periods
     */
    record Change(int units, int[] count, long[] now, long[] before) {}

    /** A child unit's share of the scope. */
    record Part(Unit unit, Tally tally) {}

    /** "tháng 11/2026", "quý 4/2026", "năm 2026". */
    String name() {
        return period.typed();
    }
}
