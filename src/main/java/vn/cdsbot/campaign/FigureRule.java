package vn.cdsbot.campaign;

import java.time.LocalDate;
import vn.cdsbot.period.Week;

/**
 * How daily and weekly figures relate — the one rule, written for people in docs/summaries.md ("Số theo ngày và
 * số theo tuần"). A member never types a number twice:
 * <ul>
 *   <li>a unit's figure for an indicator in a week is the sum of its daily figures of that week when it gave the
 *       indicator on any day, else the value in its weekly report (the weekly report does not ask again for what the
 *       days already carry);</li>
 *   <li>a campaign counts daily figures of its days, and the weekly value of a week wholly inside the campaign for an
 *       indicator no day of that week carried; a weekly value of a week that straddles the campaign's first or last
 *       day cannot be split by day and is not counted.</li>
 * </ul>
 * So the weekly summary and a campaign agree for every day reported by day and every whole week reported by week.
 */
public final class FigureRule {
    private FigureRule() {}

    /**
     * A week's figures of one unit: per indicator index, the days' sum when any day gave it, else the weekly value.
     * Writes the values into {@code out} and returns the mask of indicators given.
     */
    public static long week(long[] weekly, long weeklyGiven, long[] daySums, long daysGiven, long[] out) {
        long given = 0;
        for (int i = 0; i < out.length; i++) {
            long bit = 1L << i;
            if ((daysGiven & bit) != 0) {
                out[i] = daySums[i];
                given |= bit;
            } else if ((weeklyGiven & bit) != 0) {
                out[i] = weekly[i];
                given |= bit;
            } else {
                out[i] = 0;
            }
        }
        return given;
    }

    /** Whether a week's own report counts towards a campaign of these days: only when the week lies wholly inside. */
    public static boolean weekCountsFor(Week week, LocalDate first, LocalDate last) {
        return !week.first().isBefore(first) && !week.last().isAfter(last);
    }
}
